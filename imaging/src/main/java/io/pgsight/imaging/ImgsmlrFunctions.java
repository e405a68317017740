package io.pgsight.imaging;

import io.pgsight.imaging.decode.GdImage;
import io.pgsight.imaging.decode.GifDecoder;
import io.pgsight.imaging.decode.ImageDecodeException;
import io.pgsight.imaging.decode.ImageFormat;
import io.pgsight.imaging.decode.ImageTooLargeException;
import io.pgsight.imaging.decode.JpegDecoder;
import io.pgsight.imaging.decode.OtherFormatDecoder;
import io.pgsight.imaging.decode.PngDecoder;
import io.pgsight.imaging.resample.GdCopyResampled;
import io.pgsight.imaging.resample.Resampler;
import io.pgsight.imaging.wavelet.HaarTransform;
import io.pgsight.imaging.wavelet.Intensity;
import io.pgsight.imaging.wavelet.PatternShuffle;
import io.pgsight.imaging.wavelet.SignatureMath;

/**
 * imgsmlr's SQL functions as plain Java: {@code jpeg2pattern}, {@code png2pattern},
 * {@code gif2pattern}, {@code image2pattern} (format sniffed), {@code pattern2signature},
 * {@code shuffle_pattern}. Decoding failures throw {@link ImageDecodeException} whose message is
 * imgsmlr's notice text; stateless and thread-safe.
 */
public final class ImgsmlrFunctions {
    private ImgsmlrFunctions() {
    }

    public static Pattern jpegToPattern(byte[] data, ImagingOptions options) throws ImageDecodeException, ImageTooLargeException {
        return patternOf(JpegDecoder.decode(data, options.limits()), options.resampler());
    }

    public static Pattern pngToPattern(byte[] data, ImagingOptions options) throws ImageDecodeException, ImageTooLargeException {
        return patternOf(PngDecoder.decode(data, options.limits()), options.resampler());
    }

    public static Pattern gifToPattern(byte[] data, ImagingOptions options) throws ImageDecodeException, ImageTooLargeException {
        return patternOf(GifDecoder.decode(data, options.limits()), options.resampler());
    }

    public static Pattern jpegToPattern(byte[] data, Resampler resampler) throws ImageDecodeException, ImageTooLargeException {
        return jpegToPattern(data, ImagingOptions.of(resampler));
    }

    public static Pattern pngToPattern(byte[] data, Resampler resampler) throws ImageDecodeException, ImageTooLargeException {
        return pngToPattern(data, ImagingOptions.of(resampler));
    }

    public static Pattern gifToPattern(byte[] data, Resampler resampler) throws ImageDecodeException, ImageTooLargeException {
        return gifToPattern(data, ImagingOptions.of(resampler));
    }

    /**
     * Sniffs the format from the magic bytes: JPEG, PNG and GIF give exactly what the
     * format-specific function gives; BMP, WebP and TIFF go through their ImageIO readers. A JPEG the
     * JDK reader cannot decode gets one more try with TwelveMonkeys' reader.
     */
    public static Pattern imageToPattern(byte[] data, ImagingOptions options) throws ImageDecodeException, ImageTooLargeException {
        ImageFormat format = ImageFormat.sniff(data);
        if (format == null) {
            throw new ImageDecodeException(null, "image", null);
        }
        return switch (format) {
            case JPEG -> {
                try {
                    yield jpegToPattern(data, options);
                } catch (ImageDecodeException e) {
                    yield patternOf(OtherFormatDecoder.decode(data, ImageFormat.JPEG, options.limits()), options.resampler());
                }
            }
            case PNG -> pngToPattern(data, options);
            case GIF -> gifToPattern(data, options);
            default -> patternOf(OtherFormatDecoder.decode(data, format, options.limits()), options.resampler());
        };
    }

    /** imgsmlr's {@code image2pattern} step on an already decoded image: resize, intensity, Haar. */
    public static Pattern patternOf(GdImage image, Resampler resampler) {
        int[] thumb = GdCopyResampled.thumbnail(image, resampler);
        float[] v = Intensity.normalizedIntensity(thumb);
        return Pattern.wrap(HaarTransform.transform(v));
    }

    public static Signature patternToSignature(Pattern pattern) {
        return Signature.wrap(SignatureMath.signature(pattern.raw()));
    }

    public static Pattern shufflePattern(Pattern pattern) {
        return Pattern.wrap(PatternShuffle.shuffle(pattern.raw()));
    }
}
