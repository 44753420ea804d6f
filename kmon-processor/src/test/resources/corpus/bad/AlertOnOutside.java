package test;

import io.kmon.annotations.AlertOn;

@AlertOn(java.io.IOException.class)
public interface AlertOnOutside {
    void run() throws java.io.IOException;
}
