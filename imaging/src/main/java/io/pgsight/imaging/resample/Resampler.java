package io.pgsight.imaging.resample;

import java.util.Locale;

/**
 * Which libgd generation's {@code gdImageCopyResampled} to reproduce. imgsmlr's numbers depend on
 * it: {@link #GD_2_3_3} matches present-day installs (and the real extension the golden data came
 * from), {@link #GD_2_2_3} matches upstream imgsmlr's {@code expected/imgsmlr_1.out}.
 */
public enum Resampler {
    /** libgd 2.3.3 and later: float sums with alpha weighting, channels rounded (+0.5). */
    GD_2_3_3("gd_2_3_3"),
    /** libgd 2.2.3 .. 2.3.2 (and distro backports of the CVE-2016-6207 fix): float sums, channels truncated. */
    GD_2_2_3("gd_2_2_3"),
    /** libgd up to 2.2.2 unpatched: double sums, no alpha weighting, RGB truncated. Transcribed, not verified. */
    GD_2_1("gd_2_1");

    private final String settingValue;

    Resampler(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The spelling used by the {@code imgsmlr.resampler} setting. */
    public String settingValue() {
        return settingValue;
    }

    public static Resampler fromSetting(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Resampler r : values()) {
            if (r.settingValue.equals(v)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resampler \"" + value + "\"");
    }
}
