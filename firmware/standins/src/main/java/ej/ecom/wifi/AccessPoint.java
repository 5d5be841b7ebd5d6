package ej.ecom.wifi;

/** Stand-in for ECOM-WIFI's {@code AccessPoint} (the joined network; only compared with null here). */
public class AccessPoint {

    protected AccessPoint() {
    }

    public String getSSID() {
        throw new UnsupportedOperationException("stand-in: the MicroEJ SDK supplies ECOM-WIFI");
    }
}
