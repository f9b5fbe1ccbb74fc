@echo off
rem course.cmd: the Windows counterpart of ./course, reduced to four commands.
rem
rem   course run [--out DIR] [--timeout SECONDS] [notebook|glob|dir ...]
rem                  execute the notebooks without Jupyter (offline; no Python needed)
rem   course lab     open the course in JupyterLab; installs JupyterLab and the JJava kernel into .venv
rem   course test    run every test (mvn verify) with the JDK 21+ found here
rem   course doctor  check Java, Maven, Python and the Jupyter kernel, and print the fixes
rem
rem In PowerShell, type .\course.cmd (PowerShell doesn't run commands from the current folder by name).
rem Differences from ./course: no `bench` or `build`; the jar is rebuilt when missing or older than
rem src\main or pom.xml (checked with PowerShell); messages use [ok]/[FAIL] instead of check marks. The
rem project's CI runs on Linux, so this file is not executed there: it is kept short and plain on purpose.
setlocal EnableExtensions
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\target\arrivals.jar"
set "VENV=%ROOT%\.venv"
set "INDEX=notebooks\00-index.ipynb"

set "COMMAND=%~1"
rem Everything after the command, as the user typed it: each argument keeps its own quotes (or none),
rem so an unquoted glob reaches the runner unquoted and a quoted path with spaces stays one argument.
set "ARGS="
set "HELP="
shift
:collect_args
if "%~1"=="" goto :dispatch
if /i "%~1"=="--help" set "HELP=1"
if /i "%~1"=="-h" set "HELP=1"
if "%~1"=="/?" set "HELP=1"
set ARGS=%ARGS% %1
shift
goto :collect_args

:dispatch
if "%COMMAND%"=="" goto :usage
if /i "%COMMAND%"=="help" goto :usage
if /i "%COMMAND%"=="--help" goto :usage
if /i "%COMMAND%"=="-h" goto :usage
if "%COMMAND%"=="/?" goto :usage
if defined HELP goto :command_help
if /i "%COMMAND%"=="run" goto :run
if /i "%COMMAND%"=="lab" goto :lab
if /i "%COMMAND%"=="test" goto :test
if /i "%COMMAND%"=="doctor" goto :doctor
goto :usage

rem ------------------------------------------------------------------ run

:run
call :use_jdk || exit /b 1
call :build_jar || exit /b 1
rem --root: the defaults (notebooks\, target\executed) are this course's wherever the user stands; the
rem runner expands a glob like notebooks\01-*.ipynb itself, since cmd.exe passes it on as typed.
"%JDK%\bin\java.exe" -Djava.awt.headless=true "-Darrivals.command=course run" -cp "%JAR%" arrivals.notebook.CourseMain --root "%ROOT%" %ARGS%
exit /b %ERRORLEVEL%

rem ------------------------------------------------------------------ test

:test
call :use_jdk || exit /b 1
where mvn >nul 2>nul
if errorlevel 1 (
  echo course: Maven is needed to run the tests and is not on PATH.
  echo   fix: install Maven 3.6.3+ from https://maven.apache.org/download.cgi and add its bin to PATH
  exit /b 1
)
echo course: mvn verify on Java %MAJOR% ("%JDK%")
pushd "%ROOT%"
call mvn -B verify %ARGS%
set "TEST_STATUS=%ERRORLEVEL%"
popd
exit /b %TEST_STATUS%

rem ------------------------------------------------------------------ lab

:lab
call :use_jdk || exit /b 1
call :find_python
if not defined PYTHON (
  echo course: Python 3.10 or newer is needed for JupyterLab.
  echo   fix: install it from https://www.python.org/downloads/ ^(tick "Add python.exe to PATH"^)
  echo        or run the notebooks without Jupyter: course run
  exit /b 1
)
if not exist "%VENV%\Scripts\python.exe" (
  echo course: creating .venv for JupyterLab and the JJava kernel...
  %PYTHON% -m venv "%VENV%" || exit /b 1
)
rem pip returns at once when the pinned versions are already installed.
"%VENV%\Scripts\python.exe" -m pip install -q -r "%ROOT%\requirements.txt"
if errorlevel 1 (
  echo course: pip could not install requirements.txt ^(PyPI unreachable, or JJava won't install^).
  echo   fix: behind a proxy, set HTTPS_PROXY=http://proxy:port and retry
  echo        or run the notebooks without Jupyter ^(offline^): course run
  echo        or open the course on Binder ^(see README.md^)
  exit /b 1
)
call :build_jar || exit /b 1
"%VENV%\Scripts\jupyter.exe" kernelspec list | findstr /r /c:"^ *java " >nul
if errorlevel 1 (
  echo course: the Jupyter kernel 'java' is not registered.
  echo   fix: "%VENV%\Scripts\python.exe" -m pip install --force-reinstall jjava==1.0a8
  echo        or run the notebooks without Jupyter: course run
  exit /b 1
)
cd /d "%ROOT%"
rem Serve the repository root, as Binder does; the kernel inherits PATH, so it starts the JDK found above.
"%VENV%\Scripts\jupyter.exe" lab --ServerApp.root_dir="%ROOT%" "%INDEX%" %ARGS%
exit /b %ERRORLEVEL%

rem ------------------------------------------------------------------ doctor

:doctor
set "FAILED="
echo Arrivals doctor (Windows, reduced): no network used.
rem Paths are echoed outside parenthesised blocks: a ")" in a path (Program Files (x86)) would end them.
call :find_jdk
if defined JDK echo   [ok]   JDK %MAJOR% with jshell: "%JDK%"
if not defined JDK call :doctor_no_jdk
set "PATH_JAVA="
for /f "delims=" %%J in ('where java 2^>nul') do if not defined PATH_JAVA set "PATH_JAVA=%%J"
if not defined PATH_JAVA echo   [FAIL] no java on PATH (optional: only for tools you start yourself)
if defined PATH_JAVA call :check_path_java "%PATH_JAVA%"
where mvn >nul 2>nul
if errorlevel 1 (
  echo   [FAIL] Maven ^(mvn^) is not on PATH; it builds target\arrivals.jar
  echo          fix: install Maven 3.6.3+ from https://maven.apache.org/download.cgi and add its bin to PATH
  set "FAILED=1"
) else (
  echo   [ok]   Maven on PATH
)
if exist "%JAR%" (echo   [ok]   target\arrivals.jar is built) else (echo   [FAIL] target\arrivals.jar is not built ^(optional; fix: course run or course lab build it^))
call :find_python
if defined PYTHON (echo   [ok]   Python: %PYTHON%) else (echo   [FAIL] no Python 3.10+ ^(optional, for JupyterLab; fix: https://www.python.org/downloads/^))
if exist "%VENV%\Scripts\jupyter.exe" (
  "%VENV%\Scripts\jupyter.exe" kernelspec list | findstr /r /c:"^ *java " >nul
  if errorlevel 1 (echo   [FAIL] kernel 'java' not registered ^(optional; fix: course lab, or course run offline^)) else (echo   [ok]   kernel 'java' registered)
) else (
  echo   [FAIL] JupyterLab + JJava not installed in .venv ^(optional; fix: course lab, or course run offline^)
)
if defined FAILED (
  echo Required checks failed: fix them before course run.
  exit /b 1
)
echo Required checks passed: course run can execute the course.
exit /b 0

rem ------------------------------------------------------------------ helpers

:usage
echo Usage: course COMMAND [ARGS]     (in PowerShell: .\course.cmd COMMAND [ARGS])
echo   run [--out DIR] [--timeout SECONDS] [notebook^|glob^|dir ...]   execute the notebooks offline
echo   lab [ARGS]   open the course in JupyterLab (installs JupyterLab + JJava into .venv)
echo   test [ARGS]  run every test (mvn verify) with the JDK 21+ found here
echo   doctor       check this machine and print the fixes
echo Add --help after a command for its details.
if "%COMMAND%"=="" exit /b 0
if /i "%COMMAND%"=="help" exit /b 0
if /i "%COMMAND%"=="--help" exit /b 0
if /i "%COMMAND%"=="-h" exit /b 0
if "%COMMAND%"=="/?" exit /b 0
echo course: unknown command '%COMMAND%'
exit /b 1

:command_help
if /i "%COMMAND%"=="run" (
  echo Usage: course run [--out DIR] [--timeout SECONDS] [notebook^|glob^|dir ...]
  echo   Executes notebooks without Jupyter; with none named, every notebook under notebooks\.
  echo   --out DIR          where the executed copies go ^(default: target\executed in this repository^)
  echo   --timeout SECONDS  how long one cell may run ^(default 120^)
  exit /b 0
)
if /i "%COMMAND%"=="lab" (
  echo Usage: course lab [JUPYTER LAB ARGS]
  echo   Opens notebooks\00-index.ipynb in JupyterLab; installs JupyterLab and JJava into .venv the first time.
  exit /b 0
)
if /i "%COMMAND%"=="test" (
  echo Usage: course test [MAVEN ARGS]
  echo   Runs mvn verify with the JDK 21+ found here; extra arguments go to Maven.
  exit /b 0
)
if /i "%COMMAND%"=="doctor" (
  echo Usage: course doctor
  echo   Checks Java, Maven, Python and the Jupyter kernel without using the network, and prints the fixes.
  exit /b 0
)
goto :usage

:doctor_no_jdk
echo   [FAIL] no JDK 21 or newer found (JAVA_HOME, PATH, Program Files)
echo          fix: install Temurin 21 or newer from https://adoptium.net (tick "Set JAVA_HOME")
set "FAILED=1"
exit /b 0

:use_jdk
rem Puts a JDK 21+ first on PATH for this script and everything it starts (JupyterLab's kernels too).
call :find_jdk
if not defined JDK (
  echo course: no JDK 21 or newer found ^(JAVA_HOME, PATH, Program Files^).
  echo   fix: install Temurin 21 or newer from https://adoptium.net ^(tick "Set JAVA_HOME"^), or use Binder
  exit /b 1
)
set "JAVA_HOME=%JDK%"
set "PATH=%JDK%\bin;%PATH%"
exit /b 0

:find_jdk
rem JAVA_HOME first, then the java on PATH, then the usual install folders.
set "JDK="
set "MAJOR="
if defined JAVA_HOME call :try_jdk "%JAVA_HOME%"
if not defined JDK for /f "delims=" %%J in ('where java 2^>nul') do if not defined JDK call :try_jdk "%%~dpJ.."
if not defined JDK for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Java\jdk-*" "%ProgramFiles%\Microsoft\jdk-*" "%ProgramFiles%\Zulu\zulu-*") do if not defined JDK call :try_jdk "%%~D"
exit /b 0

:try_jdk
rem Sets JDK (and MAJOR) when %1 is a JDK of version 21 or newer with jshell.
set "CANDIDATE=%~f1"
call :java_major "%CANDIDATE%"
if not defined CANDIDATE_MAJOR exit /b 0
if not exist "%CANDIDATE%\bin\jshell.exe" exit /b 0
if %CANDIDATE_MAJOR% GEQ 21 (
  set "JDK=%CANDIDATE%"
  set "MAJOR=%CANDIDATE_MAJOR%"
)
exit /b 0

:java_major
rem Sets CANDIDATE_MAJOR to the feature version of %1\bin\java.exe (empty if it doesn't run).
set "CANDIDATE_MAJOR="
if not exist "%~1\bin\java.exe" exit /b 0
for /f "tokens=2 delims==" %%V in ('""%~1\bin\java.exe" -XshowSettings:properties -version 2^>^&1 ^| findstr java.specification.version"') do set "CANDIDATE_MAJOR=%%V"
if defined CANDIDATE_MAJOR set "CANDIDATE_MAJOR=%CANDIDATE_MAJOR: =%"
rem Java 8 says "1.8": not a number, and too old anyway.
if defined CANDIDATE_MAJOR if not "%CANDIDATE_MAJOR:.=%"=="%CANDIDATE_MAJOR%" set "CANDIDATE_MAJOR="
exit /b 0

:check_path_java
rem Optional check: the java that Jupyter or a shell started by the user would get.
for %%P in ("%~dp1..") do set "PATH_HOME=%%~fP"
call :java_major "%PATH_HOME%"
if not defined CANDIDATE_MAJOR set "CANDIDATE_MAJOR=0"
if not exist "%PATH_HOME%\bin\jshell.exe" goto :path_java_is_jre
if %CANDIDATE_MAJOR% LSS 21 goto :path_java_is_old
echo   [ok]   java on PATH is a JDK %CANDIDATE_MAJOR%: "%~1"
exit /b 0
:path_java_is_jre
echo   [FAIL] java on PATH is a JRE (no jshell; the JJava kernel runs JShell): "%~1"
goto :path_java_fix
:path_java_is_old
echo   [FAIL] wrong java first on PATH: Java %CANDIDATE_MAJOR%, the course needs 21+: "%~1"
:path_java_fix
if not defined JDK exit /b 0
echo          fix: course finds the JDK by itself; for a jupyter or java you start yourself:
echo               set "JAVA_HOME=%JDK%"
echo               set "PATH=%JDK%\bin;%%PATH%%"
exit /b 0

:find_python
rem Sets PYTHON to a command running Python 3.10+: the py launcher first, then python on PATH.
set "PYTHON="
py -3 -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul && set "PYTHON=py -3"
if defined PYTHON exit /b 0
python -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul && set "PYTHON=python"
exit /b 0

:build_jar
rem Builds target\arrivals.jar when it is missing or older than src\main or pom.xml.
set "STALE="
if not exist "%JAR%" set "STALE=1"
if not defined STALE (
  rem The paths reach PowerShell through the environment, not inside its quotes: a folder named like
  rem O'Brien would end a '...' string early.
  powershell -NoProfile -Command "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTime; $newer = Get-ChildItem -LiteralPath (Join-Path $env:ROOT 'pom.xml'), (Join-Path $env:ROOT 'src\main') -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "STALE=1"
)
if not defined STALE exit /b 0
where mvn >nul 2>nul
if errorlevel 1 (
  echo course: Maven is needed to build target\arrivals.jar and is not on PATH.
  echo   fix: install Maven 3.6.3+ from https://maven.apache.org/download.cgi and add its bin to PATH
  exit /b 1
)
echo course: building target\arrivals.jar (the first build downloads dependencies and takes a minute)...
pushd "%ROOT%"
call mvn -B -q package -DskipTests
set "BUILD_STATUS=%ERRORLEVEL%"
popd
if "%BUILD_STATUS%"=="0" exit /b 0
echo course: the Maven build failed (errors above).
echo   fix: run "mvn package" in "%ROOT%" to see the full log
exit /b 1
