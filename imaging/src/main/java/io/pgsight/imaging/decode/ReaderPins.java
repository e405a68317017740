package io.pgsight.imaging.decode;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Which ImageIO reader decodes what. The JDK's JPEG and PNG readers reproduce libjpeg-turbo /
 * libpng pixels (GIF has its own libgd-faithful decoder); TwelveMonkeys registers a JPEG reader that may win ImageIO's ordering and
 * applies ICC profiles, so the imgsmlr functions never ask ImageIO to choose: they take the reader
 * SPI by class name. TwelveMonkeys serves only formats the JDK cannot read (WebP) or as a fallback
 * for {@code image2pattern}.
 */
public enum ReaderPins {
    JDK_JPEG("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"),
    JDK_PNG("com.sun.imageio.plugins.png.PNGImageReaderSpi"),
    JDK_BMP("com.sun.imageio.plugins.bmp.BMPImageReaderSpi"),
    JDK_TIFF("com.sun.imageio.plugins.tiff.TIFFImageReaderSpi"),
    TWELVEMONKEYS_JPEG("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi"),
    TWELVEMONKEYS_WEBP("com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi"),
    TWELVEMONKEYS_BMP("com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi"),
    TWELVEMONKEYS_TIFF("com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi");

    private final String spiClassName;
    private volatile ImageReaderSpi spi;

    ReaderPins(String spiClassName) {
        this.spiClassName = spiClassName;
    }

    public String spiClassName() {
        return spiClassName;
    }

    /** The provider, found once in the default registry or, failing that, instantiated from our classpath. */
    public Optional<ImageReaderSpi> provider() {
        ImageReaderSpi s = spi;
        if (s == null) {
            s = lookup();
            spi = s;
        }
        return Optional.ofNullable(s);
    }

    private ImageReaderSpi lookup() {
        Iterator<ImageReaderSpi> it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (it.hasNext()) {
            ImageReaderSpi candidate = it.next();
            if (candidate.getClass().getName().equals(spiClassName)) {
                return candidate;
            }
        }
        if (spiClassName.startsWith("com.twelvemonkeys.")) {
            // not registered (e.g. another context class loader): our own classpath has it
            try {
                return (ImageReaderSpi) Class.forName(spiClassName).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
        return null;
    }

    /** A fresh reader (readers are not thread-safe) positioned on {@code data}. */
    public ImageReader open(byte[] data) throws IOException {
        ImageReaderSpi s = provider().orElseThrow(() -> new IOException("image reader " + spiClassName + " is not available"));
        ImageReader reader = s.createReaderInstance();
        reader.setInput(new ByteArrayImageInputStream(data), true, true);
        return reader;
    }
}
