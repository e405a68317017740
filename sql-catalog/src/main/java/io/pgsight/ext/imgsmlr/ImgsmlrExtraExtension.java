package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.ImgsmlrFunctions;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;

import java.util.List;

/**
 * pgsight's addition to imgsmlr: {@code image2pattern(bytea)}, which recognises JPEG, PNG, GIF,
 * BMP, WebP and TIFF by their magic bytes (JPEG/PNG/GIF give exactly what the format-specific
 * function gives). It is a separate extension, created after imgsmlr, so that imgsmlr itself has
 * exactly the original's objects (psql's {@code \df *2pattern} lists three functions).
 */
public final class ImgsmlrExtraExtension implements Extension {
    @Override
    public String name() {
        return "imgsmlr_extra";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String comment() {
        return "image2pattern: imgsmlr patterns from JPEG, PNG, GIF, BMP, WebP or TIFF";
    }

    @Override
    public void register(ExtensionRegistry registry) {
        registry.function(FunctionDef.scalar("image2pattern", List.of("bytea"), "pattern",
                ImageLoading.body(ImgsmlrFunctions::imageToPattern)));
    }
}
