package io.pgsight.server;

import io.pgsight.pgwire.auth.Authenticator;
import io.pgsight.pgwire.auth.HbaConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the authenticator from --auth or --hba-file and the passwords from all the options that give them. */
final class ClientAuthentication {
    private ClientAuthentication() {
    }

    static Authenticator from(ServerOptions options) {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (options.usersFile() != null) {
            passwords.putAll(usersFile(lines(options.usersFile(), "--users-file"), options.usersFile()));
        }
        passwords.putAll(options.userPasswords());
        if (options.password() != null) {
            passwords.put(options.user(), options.password());
        }
        HbaConfig hba = options.hbaFile() == null ? HbaConfig.single(options.auth())
                : HbaConfig.parse(lines(options.hbaFile(), "--hba-file"), options.hbaFile());
        return new Authenticator(hba, passwords);
    }

    /** "name:password" lines; blank lines and lines starting with # are skipped. */
    static Map<String, String> usersFile(List<String> lines, String source) {
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected \"name:password\" in line " + (i + 1) + " of " + source);
            }
            users.put(line.substring(0, colon).trim(), line.substring(colon + 1));
        }
        return users;
    }

    private static List<String> lines(String file, String option) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }
}
