package org.landfall.platform.problem;

import java.util.Arrays;

/**
 * The key of a message of a bundle: an enum of a module's messages implements it, and its constants name the texts
 * of {@code Messages.properties} (English) and {@code Messages_zh_CN.properties} in the enum's package. Each text is
 * a {@link java.text.MessageFormat} pattern: {@code {0}} is the first argument and an apostrophe is written twice.
 */
public interface MessageKey {

    String name();

    /** The bundle of this key's texts, as {@link java.util.ResourceBundle} names it. */
    default String bundle() {
        return getClass().getPackageName() + ".Messages";
    }

    /** This message with its arguments (texts are said in the same language; numbers are written plain). */
    default Message with(Object... args) {
        return new Message(this, Arrays.asList(args));
    }
}
