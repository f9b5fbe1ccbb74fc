package arrivals.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Turns a Java object into a Jupyter MIME bundle (the {@code data} of a display or result), with
 * the rules of JJava's default renderers.
 *
 * <pre>{@code
 * MimeRenderer.render(image);                        // {"image/png": "<base64>"}
 * MimeRenderer.render("<b>hi</b>", "text/html");     // {"text/html": ["<b>hi</b>"]}
 * MimeRenderer.render(List.of(1, 2));                // {"text/plain": ["[1, 2]"]}
 * }</pre>
 *
 * <p>Without MIME types: a {@link RenderedImage} (such as a {@code BufferedImage}) becomes
 * {@code image/png}; anything else becomes {@code text/plain} with its {@code toString()}, so a
 * string shows without quotes, as in JJava. With MIME types, the bundle holds exactly those types:
 * {@code image/png} needs an image; a JSON type needs a string holding valid JSON; any other type
 * gets the object's {@code toString()}. A malformed or unsupported MIME type throws
 * {@link IllegalArgumentException} naming it.
 */
final class MimeRenderer {

    static final String PNG = "image/png";
    static final String PLAIN = "text/plain";

    private static final Pattern MIME_TYPE = Pattern.compile("[a-zA-Z0-9]+/[a-zA-Z0-9\\-+.]+");
    private static final Pattern JSON_TYPE = Pattern.compile("application/(.*\\+)?json");

    private MimeRenderer() {
    }

    /** Renders with the default type for the object: PNG for images, plain text otherwise. */
    static ObjectNode render(Object value) {
        ObjectNode data = JupyterJson.object();
        if (value instanceof RenderedImage image) {
            data.put(PNG, png(image));
        } else {
            data.set(PLAIN, JupyterJson.multiline(String.valueOf(value)));
        }
        return data;
    }

    /** Renders as exactly the given MIME types; no types means {@link #render(Object)}. */
    static ObjectNode render(Object value, String... mimeTypes) {
        if (mimeTypes == null || mimeTypes.length == 0) {
            return render(value);
        }
        ObjectNode data = JupyterJson.object();
        for (String type : mimeTypes) {
            if (type == null || !MIME_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("display: \"" + type
                        + "\" is not a MIME type; use a type such as \"text/html\", \"text/markdown\" or \"image/png\"");
            }
            data.set(type, renderAs(value, type));
        }
        return data;
    }

    private static com.fasterxml.jackson.databind.JsonNode renderAs(Object value, String type) {
        if (type.equals(PNG)) {
            if (value instanceof RenderedImage image) {
                return JupyterJson.nodes().textNode(png(image));
            }
            throw new IllegalArgumentException("display: image/png needs a java.awt.image.RenderedImage "
                    + "(such as a BufferedImage), not " + describe(value));
        }
        if (type.startsWith("image/")) {
            throw new IllegalArgumentException("display: " + type
                    + " is not supported by the headless engine; pass a BufferedImage, which is shown as image/png");
        }
        if (JSON_TYPE.matcher(type).matches()) {
            try {
                return JupyterJson.MAPPER.readTree(String.valueOf(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("display: the value given as " + type
                        + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return JupyterJson.multiline(String.valueOf(value));
    }

    private static String png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalArgumentException("display: this image cannot be written as PNG: " + describe(image));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("display: writing the image as PNG failed", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }
}
