package org.landfall.events;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes are {@code ce_}-prefixed headers
 * and the record value is the JSON data.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attribute: the payload's schema version. */
    public static final String SCHEMA_VERSION = "ce_schemaversion";

    public static final String TYPE_PREFIX = "org.landfall.";

    private CloudEventHeaders() {
    }
}
