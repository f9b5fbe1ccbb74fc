package arrivals.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the files Binder (repo2docker) builds the course image from, because a mistake there only
 * shows up minutes into a Binder build, or worse, as a kernel that won't start for a student.
 *
 * <p>The rules come from repo2docker's documentation: once {@code binder/} exists, top-level config
 * files are ignored; {@code postBuild} must start with {@code #!/bin/bash} and needs {@code set -e},
 * or a failing command doesn't stop the build; repo2docker runs it as an executable file.
 */
class BinderConfigTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path BINDER = ROOT.resolve("binder");
    private static final Pattern JDK_PACKAGE =
            Pattern.compile("(?:openjdk|temurin)-(\\d+)-jdk(?:-headless)?");
    private static final Pattern PINNED = Pattern.compile("([A-Za-z0-9_.-]+)==(\\S+)");

    @Test
    void postBuildIsABashScriptThatStopsOnTheFirstError() throws IOException {
        List<String> lines = Files.readAllLines(BINDER.resolve("postBuild"), StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty(), "binder/postBuild is empty");
        assertTrue(lines.get(0).equals("#!/bin/bash") || lines.get(0).equals("#!/usr/bin/env bash"),
                "binder/postBuild must start with a bash shebang, found: " + lines.get(0));
        String firstCommand = commands(lines).get(0);
        assertTrue(firstCommand.matches("set\\s+-[a-zA-Z]*e[a-zA-Z]*(\\s.*)?"),
                "the first command of binder/postBuild must be `set -e` or `set -euo pipefail`, found: "
                        + firstCommand);
    }

    @Test
    void postBuildBuildsTheJarAndChecksItExists() throws IOException {
        List<String> commands = commands(
                Files.readAllLines(BINDER.resolve("postBuild"), StandardCharsets.UTF_8));
        assertTrue(commands.stream().anyMatch(c -> c.matches("mvn\\b.*\\bpackage\\b.*")),
                "binder/postBuild must run `mvn ... package`");
        assertTrue(commands.stream().anyMatch(c -> c.contains("target/arrivals.jar") && !c.startsWith("say ")),
                "binder/postBuild must check that target/arrivals.jar was built");
        assertTrue(commands.stream().anyMatch(c -> c.contains("jupyter kernelspec list")),
                "binder/postBuild must check that the `java` kernel is registered");
    }

    @Test
    void postBuildIsExecutableInGit() throws Exception {
        Path postBuild = BINDER.resolve("postBuild");
        assertTrue(Files.isExecutable(postBuild), "binder/postBuild is not executable on disk");
        // The mode bit that matters is the one Git stores: it is what Binder's clone gets.
        assumeTrue(Files.exists(ROOT.resolve(".git")), "not a git checkout; the git mode can't be read");
        String entry = run("git", "ls-files", "--stage", "--", "binder/postBuild");
        assertFalse(entry.isBlank(), "binder/postBuild is not tracked by git");
        assertTrue(entry.startsWith("100755 "),
                "binder/postBuild must be committed as executable (git update-index --chmod=+x); got: "
                        + entry.strip());
    }

    @Test
    void aptInstallsAJdk21PlusMavenFontconfigAndAFont() throws IOException {
        List<String> packages = aptPackages();
        int newestJdk = packages.stream()
                .map(JDK_PACKAGE::matcher)
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElse(0);
        assertTrue(newestJdk >= 21,
                "binder/apt.txt needs a JDK package of version 21+ (e.g. openjdk-21-jdk-headless): "
                        + packages);
        assertTrue(packages.contains("maven"), "binder/apt.txt needs maven: " + packages);
        assertTrue(packages.contains("fontconfig"), "binder/apt.txt needs fontconfig: " + packages);
        assertTrue(packages.stream().anyMatch(p -> p.startsWith("fonts-")),
                "binder/apt.txt needs a font package (e.g. fonts-dejavu-core): " + packages);
    }

    @Test
    void bothRequirementFilesPinTheSameJJavaAndTheSameJupyterLab4() throws IOException {
        Map<String, String> local = pins(ROOT.resolve("requirements.txt"));
        Map<String, String> binder = pins(BINDER.resolve("requirements.txt"));
        for (Map<String, String> pins : List.of(local, binder)) {
            assertTrue(pins.containsKey("jjava"), "jjava (the kernel) must be pinned: " + pins);
            String lab = pins.get("jupyterlab");
            assertTrue(lab != null && lab.matches("4\\.\\d+\\.\\d+"),
                    "jupyterlab must be pinned to a 4.x.y release: " + pins);
        }
        assertEquals(local.get("jjava"), binder.get("jjava"),
                "requirements.txt and binder/requirements.txt pin different JJava versions: a student on Binder"
                        + " and one on their own machine would get different kernels");
        assertEquals(local.get("jupyterlab"), binder.get("jupyterlab"),
                "requirements.txt and binder/requirements.txt pin different JupyterLab versions");
    }

    @Test
    void theLaunchersRepairAdviceNamesThePinnedJJava() throws IOException {
        String pinned = "jjava==" + pins(ROOT.resolve("requirements.txt")).get("jjava");
        // ./course reads the pin from requirements.txt; course.cmd can't easily, so it spells it out.
        String cmd = Files.readString(ROOT.resolve("course.cmd"), StandardCharsets.UTF_8);
        Matcher mentioned = Pattern.compile("jjava==\\S+").matcher(cmd);
        while (mentioned.find()) {
            assertEquals(pinned, mentioned.group(), "course.cmd names a JJava other than requirements.txt's");
        }
        assertFalse(Files.readString(ROOT.resolve("course"), StandardCharsets.UTF_8).matches("(?s).*jjava==\\d.*"),
                "./course must take the JJava version from requirements.txt, not spell it out");
    }

    @Test
    void runtimeTxtPinsAPythonThatJupyterLab4Accepts() throws IOException {
        // repo2docker reads the whole file, stripped, as the runtime: a comment line would break it.
        String runtime = Files.readString(BINDER.resolve("runtime.txt"), StandardCharsets.UTF_8).strip();
        Matcher python = Pattern.compile("python-3\\.(\\d+)").matcher(runtime);
        assertTrue(python.matches(), "binder/runtime.txt must hold exactly python-3.X (no comments), found: " + runtime);
        int minor = Integer.parseInt(python.group(1));
        assertTrue(minor >= 10, "JupyterLab 4.6 needs Python 3.10 or newer; binder/runtime.txt says " + runtime);
    }

    /** Non-blank lines of a shell script, comments dropped; a `\` continuation joins lines. */
    private static List<String> commands(List<String> lines) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                commands.add(current.append(trimmed).toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }

    /** Package names as repo2docker reads apt.txt: everything after a `#` is a comment. */
    private static List<String> aptPackages() throws IOException {
        List<String> packages = new ArrayList<>();
        for (String line : Files.readAllLines(BINDER.resolve("apt.txt"), StandardCharsets.UTF_8)) {
            String name = line.split("#", 2)[0].strip();
            if (!name.isEmpty()) {
                packages.add(name);
            }
        }
        return packages;
    }

    /** Name to version of every requirement; fails on any requirement that isn't pinned with `==`. */
    private static Map<String, String> pins(Path file) throws IOException {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String requirement = line.split("#", 2)[0].strip();
            if (requirement.isEmpty()) {
                continue;
            }
            Matcher pinned = PINNED.matcher(requirement);
            assertTrue(pinned.matches(), ROOT.relativize(file) + " has an unpinned requirement: " + requirement);
            pins.put(pinned.group(1).toLowerCase(), pinned.group(2));
        }
        return pins;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + output);
        return output;
    }
}
