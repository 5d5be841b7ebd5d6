package dev.smartpot.testkit;

/** Whatever names a pot in a test (a simulated pot, a fleet pot): its client id, which its readings carry as "id". */
public interface PotId {

    String clientId();

    static PotId of(String clientId) {
        return () -> clientId;
    }
}
