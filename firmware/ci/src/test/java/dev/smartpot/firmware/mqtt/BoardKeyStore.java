package dev.smartpot.firmware.mqtt;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key store with the board's semantics, for the desktop JVM: {@code setKeyEntry(alias, byte[] key, chain)} takes
 * the unencrypted key as it is, as MicroEJ's examples pass it and the ESP32 VEE Port's TLS layer parses it
 * ({@code mbedtls_pk_parse_key}); the JDK's own stores want an encrypted key there. A key it cannot parse is
 * refused on the spot. Installed as the default key store type for the duration of a test.
 */
public final class BoardKeyStore extends KeyStoreSpi {

    static final String TYPE = "SmartpotBoardLike";

    /** The provider that offers {@link BoardKeyStore} as {@link #TYPE}. */
    static Provider provider() {
        Provider p = new Provider("SmartpotBoardLike", "1.0", "a key store with the MicroEJ board's setKeyEntry semantics") {
            private static final long serialVersionUID = 1L;
        };
        p.put("KeyStore." + TYPE, BoardKeyStore.class.getName());
        return p;
    }

    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();
    private final Map<String, Certificate[]> chains = new LinkedHashMap<>();
    private final Map<String, Certificate> certificates = new LinkedHashMap<>();

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                keys.put(alias, KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key)));
                chains.put(alias, chain);
                return;
            } catch (Exception notThisKind) {
                // try the next
            }
        }
        throw new KeyStoreException("cannot parse the private key");
    }

    @Override
    public Key engineGetKey(String alias, char[] password) {
        return keys.get(alias);
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        return chains.get(alias);
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        Certificate[] chain = chains.get(alias);
        return chain != null ? chain[0] : certificates.get(alias);
    }

    @Override
    public Date engineGetCreationDate(String alias) {
        return new Date(0);
    }

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) throws KeyStoreException {
        throw new KeyStoreException("the board's key store takes keys as bytes");
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) {
        certificates.put(alias, cert);
    }

    @Override
    public void engineDeleteEntry(String alias) {
        keys.remove(alias);
        chains.remove(alias);
        certificates.remove(alias);
    }

    @Override
    public Enumeration<String> engineAliases() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        keys.keySet().forEach(a -> all.put(a, true));
        certificates.keySet().forEach(a -> all.put(a, true));
        return Collections.enumeration(all.keySet());
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        return keys.containsKey(alias) || certificates.containsKey(alias);
    }

    @Override
    public int engineSize() {
        return keys.size() + certificates.size();
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        return keys.containsKey(alias);
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        return certificates.containsKey(alias);
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        for (Map.Entry<String, Certificate> e : certificates.entrySet()) {
            if (e.getValue().equals(cert)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public void engineStore(OutputStream stream, char[] password) {
        throw new UnsupportedOperationException("the board's key store lives in memory only");
    }

    @Override
    public void engineLoad(InputStream stream, char[] password) {
        // Always empty: MicroEJ's examples load it with (null, null) and fill it entry by entry.
    }
}
