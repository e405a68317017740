package io.pgsight.pgwire.auth;

import io.netty.buffer.ByteBuf;
import io.pgsight.pgwire.protocol.BackendMessages;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * SCRAM-SHA-256 without channel binding: AuthenticationSASL, then SASLInitialResponse (client-first),
 * AuthenticationSASLContinue (server-first), SASLResponse (client-final), AuthenticationSASLFinal.
 * Unknown users run the same exchange against a mock secret, so the failure looks the same.
 */
final class ScramSha256Exchange implements AuthExchange {
    static final String MECHANISM = "SCRAM-SHA-256";

    private enum Step { INITIAL, FINAL, DONE }

    private final String user;
    private final ScramSecret secret;
    private final boolean knownUser;
    private final String serverNonce;
    private Step step = Step.INITIAL;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String combinedNonce;

    ScramSha256Exchange(String user, ScramSecret secret, ScramSecret mockSecret, byte[] serverNonceBytes) {
        this.user = user;
        this.knownUser = secret != null;
        this.secret = secret != null ? secret : mockSecret;
        this.serverNonce = Base64.getEncoder().encodeToString(serverNonceBytes);
    }

    @Override
    public boolean start(ByteBuf out) {
        BackendMessages.authenticationSasl(out, List.of(MECHANISM));
        return false;
    }

    @Override
    public boolean onResponse(byte[] body, ByteBuf out) {
        switch (step) {
            case INITIAL -> {
                clientFirst(body);
                BackendMessages.authenticationSaslContinue(out, serverFirst.getBytes(StandardCharsets.UTF_8));
                step = Step.FINAL;
                return false;
            }
            case FINAL -> {
                byte[] serverFinal = clientFinal(new String(body, StandardCharsets.UTF_8));
                BackendMessages.authenticationSaslFinal(out, serverFinal);
                step = Step.DONE;
                return true;
            }
            default -> throw AuthFailures.malformed("unexpected SASL response");
        }
    }

    private void clientFirst(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        int nul = indexOf(body, (byte) 0);
        if (nul < 0) {
            throw AuthFailures.malformed("malformed SASL initial response");
        }
        String mechanism = new String(body, 0, nul, StandardCharsets.UTF_8);
        if (!MECHANISM.equals(mechanism)) {
            throw AuthFailures.malformed("client selected an invalid SASL authentication mechanism");
        }
        in.position(nul + 1);
        if (in.remaining() < 4) {
            throw AuthFailures.malformed("malformed SASL initial response");
        }
        int length = in.getInt();
        if (length < 0 || length != in.remaining()) {
            throw AuthFailures.malformed("malformed SASL initial response");
        }
        String message = new String(body, in.position(), length, StandardCharsets.UTF_8);
        // gs2-header: cbind-flag "," [authzid] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw malformedScram("Comma expected, but found end of string.");
        }
        String flag = message.substring(0, first);
        if (flag.startsWith("p=")) {
            throw malformedScram("The client selected SCRAM-SHA-256-PLUS, but the server did not offer it.");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            throw malformedScram("Unexpected channel-binding flag \"" + flag + "\".");
        }
        if (second != first + 1) {
            throw AuthFailures.malformed("client uses authorization identity, but it is not supported");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String clientNonce = null;
        for (String attribute : clientFirstBare.split(",")) {
            if (attribute.startsWith("m=")) {
                throw AuthFailures.malformed("client requires an unsupported SCRAM extension");
            }
            if (attribute.startsWith("r=")) {
                clientNonce = attribute.substring(2);
            }
        }
        if (clientNonce == null || clientNonce.isEmpty() || !clientFirstBare.startsWith("n=")) {
            throw malformedScram("Expected attribute \"r\" but found end of string.");
        }
        combinedNonce = clientNonce + serverNonce;
        serverFirst = "r=" + combinedNonce + ",s=" + Base64.getEncoder().encodeToString(secret.salt())
                + ",i=" + secret.iterations();
    }

    private byte[] clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw malformedScram("Could not find proof in client-final-message.");
        }
        String withoutProof = message.substring(0, proofAt);
        String channelBinding = null;
        String nonce = null;
        for (String attribute : withoutProof.split(",")) {
            if (attribute.startsWith("c=")) {
                channelBinding = attribute.substring(2);
            } else if (attribute.startsWith("r=")) {
                nonce = attribute.substring(2);
            }
        }
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(channelBinding)) {
            throw malformedScram("SCRAM channel binding check failed.");
        }
        if (!combinedNonce.equals(nonce)) {
            throw malformedScram("Nonce does not match.");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw malformedScram("Malformed proof in client-final-message.");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramSecret.hmac(secret.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            throw malformedScram("Malformed proof in client-final-message.");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!knownUser || !MessageDigest.isEqual(ScramSecret.sha256(clientKey), secret.storedKey())) {
            throw AuthFailures.passwordFailed(user);
        }
        byte[] serverSignature = ScramSecret.hmac(secret.serverKey(), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private static io.pgsight.pgwire.backend.BackendError malformedScram(String detail) {
        java.util.Map<Character, String> fields = new java.util.LinkedHashMap<>();
        fields.put('S', "FATAL");
        fields.put('V', "FATAL");
        fields.put('C', "08P01");
        fields.put('M', "malformed SCRAM message");
        fields.put('D', detail);
        return new io.pgsight.pgwire.backend.BackendError(fields);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
