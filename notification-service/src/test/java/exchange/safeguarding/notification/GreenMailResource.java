package exchange.safeguarding.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server, in-process, that tests read received mail from. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail mail;

    public static GreenMail mail() {
        return mail;
    }

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "quarkus.mailer.mock", "false", "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
    }
}
