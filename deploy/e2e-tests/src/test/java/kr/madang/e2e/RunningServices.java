package kr.madang.e2e;

/**
 * The base URLs of the three services of {@link MadangSystem} (started once per test JVM), for tests in other
 * packages (operations).
 */
public record RunningServices(String registration, String agreement, String notification) {

    public static RunningServices start() {
        MadangSystem system = MadangSystem.start();
        return new RunningServices(system.registration, system.agreement, system.notification);
    }

    /** The nine-party Jeju MOU as POST /api/agreements takes it. */
    public static String jejuMouJson() {
        return JejuMou.JSON;
    }
}
