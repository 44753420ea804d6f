package test;

import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;

public class PrivateAlertOn {
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Monitored interface Api {
        @AlertOn(Boom.class)
        void run();
    }
}
