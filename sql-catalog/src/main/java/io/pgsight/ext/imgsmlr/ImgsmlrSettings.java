package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.ImagingOptions;
import io.pgsight.imaging.decode.DecodeLimits;
import io.pgsight.imaging.resample.Resampler;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.SettingDef;

import java.util.Arrays;
import java.util.List;

/** imgsmlr.resampler and imgsmlr.max_image_pixels, and reading them from a session. */
final class ImgsmlrSettings {
    static final String RESAMPLER = "imgsmlr.resampler";
    static final String MAX_PIXELS = "imgsmlr.max_image_pixels";

    private ImgsmlrSettings() {
    }

    static List<SettingDef> definitions() {
        List<String> values = Arrays.stream(Resampler.values()).map(Resampler::settingValue).toList();
        return List.of(
                new SettingDef(RESAMPLER, SettingDef.Kind.ENUM, Resampler.GD_2_3_3.settingValue(), 0, 0, values,
                        "Which libgd generation's image resampling the *2pattern functions reproduce "
                                + "(gd_2_3_3: libgd 2.3.3+, gd_2_2_3: libgd 2.2.3-2.3.2, gd_2_1: older)."),
                SettingDef.integer(MAX_PIXELS, (int) DecodeLimits.DEFAULT_MAX_PIXELS, 1, Integer.MAX_VALUE,
                        "Largest image (width times height) the *2pattern functions decode."));
    }

    /** The session's options; unset or unreadable settings fall back to the defaults. */
    static ImagingOptions options(FunctionContext ctx) {
        Resampler resampler = Resampler.GD_2_3_3;
        long maxPixels = DecodeLimits.DEFAULT_MAX_PIXELS;
        String r = ctx.setting(RESAMPLER);
        if (r != null && !r.isEmpty()) {
            try {
                resampler = Resampler.fromSetting(r);
            } catch (IllegalArgumentException ignored) {
                // the engine validates enum values; keep the default if it ever does not
            }
        }
        String m = ctx.setting(MAX_PIXELS);
        if (m != null && !m.isEmpty()) {
            try {
                maxPixels = Math.max(1, Long.parseLong(m.trim()));
            } catch (NumberFormatException ignored) {
                // same as above
            }
        }
        return new ImagingOptions(resampler, new DecodeLimits(maxPixels));
    }
}
