package kr.madang.e2e;

/** The running system's base URLs for test packages outside kr.madang.e2e (the security suite). */
public record SystemUrls(String registration, String agreement, String notification) {

    public static SystemUrls start() {
        MadangSystem system = MadangSystem.start();
        return new SystemUrls(system.registration, system.agreement, system.notification);
    }
}
