# Sums the PROOF lines that the proof suites append to target/proof-figures.txt during `mvn verify`:
#   awk -f scripts/proof-totals.awk target/proof-figures.txt
# scenarios: generated scenarios of the jqwik properties. faultsInjected: faults the fault-injection property
# injected, plus the failing, erroring, overflowing, hanging and interrupt-ignoring tasks and futures the other
# properties generated. leakedThreads: threads found alive after close. largestN: the largest input run.
{
    for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == "scenarios") scenarios += kv[2]
        if (kv[1] == "faultsInjected" || kv[1] ~ /^(tasks|futures)(FAIL|ERROR|OVERFLOW|HANG|STUBBORN)$/) faults += kv[2]
        if (kv[1] == "leakedThreads") leaked += kv[2]
        if (kv[1] == "largestN" && kv[2] + 0 > largest) largest = kv[2] + 0
    }
}
END { print "PROOF totals: scenarios=" scenarios, "faultsInjected=" faults, "leakedThreads=" leaked, "largestN=" largest }
