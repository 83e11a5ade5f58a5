package kr.madang.testing.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per test class, opened on first use against the class's server port and closed after its
 * last test: {@code @RegisterExtension static final BrowserPerClass browsers = new BrowserPerClass();} then
 * {@code browser = browsers.at(port)} in a {@code @BeforeEach}.
 */
public final class BrowserPerClass implements AfterAllCallback {

    private Browser browser;

    public Browser at(int port) {
        if (browser == null) {
            browser = Browser.open(port);
        }
        return browser;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
