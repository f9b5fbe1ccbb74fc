package arrivals.chart;

import arrivals.AsCompleted;
import arrivals.Gather;
import arrivals.Task;
import arrivals.record.Recorder;
import arrivals.simulate.Delays;
import arrivals.simulate.Fetcher;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the course's central picture, the README's chart: results in hand over time for gather and for
 * as-completed, over the same twelve simulated calls (delays of 1 to 5 simulated seconds from seed 42, at time
 * scale 0.1).
 *
 * <pre>
 * java -cp target/arrivals.jar arrivals.chart.CentralPicture docs/results-in-hand.png
 * </pre>
 *
 * <p>Both runs are real: sleeping virtual threads, as-completed first, then gather, so neither strategy runs
 * while the JVM is still cold from the other. It prints each line's blank-screen time and mean wait.
 */
public final class CentralPicture {
    private CentralPicture() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "docs/results-in-hand.png");
        List<Task<String>> calls = Fetcher.scaled(0.1).quiet().tasks(12, Delays.uniformSeconds(1, 5, 42));
        Gather.all(Fetcher.scaled(0.1).quiet().tasks(12, Delays.ofMillis(new long[12]))); // warm-up, not recorded
        Recorder recorder = new Recorder();
        try (AsCompleted<String> results = AsCompleted.of(calls, recorder.options())) {
            results.forEach(done -> { });
        }
        Gather.all(calls, recorder.options());
        StepChart chart = StepChart.of(recorder);
        chart.panels().get(0).setTitle("Twelve calls: results in hand over time");
        chart.save(out);
        chart.lines().forEach(line -> System.out.printf("%s: blank screen %.0f ms, mean wait per result %.0f ms%n",
                line.strategy(), line.blankScreenMs(), line.meanWaitMs()));
        System.out.println("wrote " + out);
    }
}
