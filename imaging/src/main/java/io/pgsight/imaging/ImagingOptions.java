package io.pgsight.imaging;

import io.pgsight.imaging.decode.DecodeLimits;
import io.pgsight.imaging.resample.Resampler;

/** The knobs of pattern computation: libgd resampler generation and the decode pixel limit. */
public record ImagingOptions(Resampler resampler, DecodeLimits limits) {
    public ImagingOptions {
        java.util.Objects.requireNonNull(resampler);
        java.util.Objects.requireNonNull(limits);
    }

    /** libgd 2.3.3 resampling and the default pixel limit. */
    public static ImagingOptions defaults() {
        return new ImagingOptions(Resampler.GD_2_3_3, DecodeLimits.defaults());
    }

    public static ImagingOptions of(Resampler resampler) {
        return new ImagingOptions(resampler, DecodeLimits.defaults());
    }
}
