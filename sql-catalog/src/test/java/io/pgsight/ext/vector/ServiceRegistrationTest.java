package io.pgsight.ext.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgsight.sql.spi.Extension;
import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {
    @Test
    void bothExtensionsAreFoundByServiceLoader() {
        Set<String> names = new HashSet<>();
        for (Extension e : ServiceLoader.load(Extension.class)) {
            names.add(e.name());
        }
        assertTrue(names.containsAll(Set.of("vector", "pase")), names.toString());
    }
}
