package org.landfall.platform.problem;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** A message of a bundle with its arguments, said in a language by {@link #in}. */
public record Message(MessageKey key, List<Object> args) implements Text {

    /** Only the bundle's own files: never the JVM's default language, which may be neither of ours. */
    private static final ResourceBundle.Control OURS =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        args = Collections.unmodifiableList(new ArrayList<>(args)); // a client's value may be null
    }

    @Override
    public String in(Locale language) {
        ResourceBundle bundle = ResourceBundle.getBundle(key.bundle(), language, key.getClass().getClassLoader(), OURS);
        // Arguments go in as text: MessageFormat would write 10000000000000 as 10,000,000,000,000.
        Object[] said = args.stream().map(a -> a instanceof Text t ? t.in(language)
                : a instanceof BigDecimal d ? d.toPlainString() : String.valueOf(a)).toArray();
        return new MessageFormat(bundle.getString(key.name()), language).format(said);
    }
}
