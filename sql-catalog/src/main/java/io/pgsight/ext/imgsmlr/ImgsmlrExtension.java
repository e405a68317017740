package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.Distances;
import io.pgsight.imaging.ImgsmlrFunctions;
import io.pgsight.imaging.Pattern;
import io.pgsight.imaging.Signature;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.SettingDef;

import java.util.List;

/**
 * imgsmlr 1.0 (postgrespro/imgsmlr): the {@code pattern} and {@code signature} types, the image
 * loaders, {@code pattern2signature}, {@code shuffle_pattern}, the two {@code <->} operators and
 * the default GiST operator class for signatures, plus two pgsight settings
 * ({@code imgsmlr.resampler}, {@code imgsmlr.max_image_pixels}). Objects and names are those of
 * imgsmlr--1.0.sql; none has a comment, as in imgsmlr.
 */
public final class ImgsmlrExtension implements Extension {
    @Override
    public String name() {
        return "imgsmlr";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String comment() {
        return "image similarity module";
    }

    @Override
    public void register(ExtensionRegistry registry) {
        registry.type(new PatternType());
        registry.type(new SignatureType());
        for (SettingDef s : ImgsmlrSettings.definitions()) {
            registry.setting(s);
        }
        registry.function(FunctionDef.scalar("jpeg2pattern", List.of("bytea"), "pattern",
                ImageLoading.body(ImgsmlrFunctions::jpegToPattern)));
        registry.function(FunctionDef.scalar("png2pattern", List.of("bytea"), "pattern",
                ImageLoading.body(ImgsmlrFunctions::pngToPattern)));
        registry.function(FunctionDef.scalar("gif2pattern", List.of("bytea"), "pattern",
                ImageLoading.body(ImgsmlrFunctions::gifToPattern)));
        registry.function(FunctionDef.scalar("pattern2signature", List.of("pattern"), "signature",
                (ctx, args) -> ImgsmlrFunctions.patternToSignature((Pattern) args[0])));
        registry.function(FunctionDef.scalar("pattern_distance", List.of("pattern", "pattern"), "real",
                (ctx, args) -> Distances.patternDistance((Pattern) args[0], (Pattern) args[1])));
        registry.function(FunctionDef.scalar("signature_distance", List.of("signature", "signature"), "real",
                (ctx, args) -> Distances.signatureDistance((Signature) args[0], (Signature) args[1])));
        registry.operator(new OperatorDef("<->", "pattern", "pattern", "pattern_distance", null, null, null));
        registry.operator(new OperatorDef("<->", "signature", "signature", "signature_distance", null, null, null));
        registry.function(FunctionDef.scalar("shuffle_pattern", List.of("pattern"), "pattern",
                (ctx, args) -> ImgsmlrFunctions.shufflePattern((Pattern) args[0])));
        registry.operatorClass(new OperatorClassDef("gist_signature_ops", "gist", "signature", true,
                List.of(new OperatorClassDef.Member(1, "<->", "signature", "signature", true)),
                new SignatureGistMethod()));
    }
}
