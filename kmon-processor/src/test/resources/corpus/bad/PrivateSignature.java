package test;

import io.kmon.annotations.Monitored;

public class PrivateSignature {
    private static final class Secret {}

    @Monitored interface Api {
        java.util.List<Secret> secrets();
    }
}
