package org.landfall.platform.problem;

/** The platform's messages: problem titles, and the texts of what every service refuses alike. */
public enum ProblemText implements MessageKey {
    TITLE_400, TITLE_401, TITLE_403, TITLE_404, TITLE_405, TITLE_406, TITLE_409, TITLE_413, TITLE_415, TITLE_422,
    TITLE_429, TITLE_503, TITLE_OTHER_4XX, TITLE_OTHER_5XX,
    FIELD_MESSAGE, FIELDS_BREAK_RULES, LIST_PAIR,
    // read from the request before any rule of ours: body, JSON, routes, tokens
    BODY_TOO_LARGE, UNREADABLE_FORM, UNKNOWN_FIELD, CANNOT_READ_AS, EXPECTED, INVALID_VALUE, MALFORMED_JSON,
    UNREADABLE_BODY, A_DATE, AN_INSTANT, A_NUMBER, AN_INTEGER, A_UUID, A_STRING, A_BOOLEAN, AN_ARRAY, AN_OBJECT,
    ONE_OF, REQUEST_UNREADABLE, NO_SUCH_PATH, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, MEDIA_TYPE_NOT_READ,
    REQUEST_REFUSED, IDEMPOTENCY_KEY_FORMAT, IDEMPOTENCY_KEY_REUSED, NOT_AUTHENTICATED, FORBIDDEN,
    OUTSIDE_JURISDICTION, OUTSIDE_JURISDICTION_NO_CODE, AREA_OUTSIDE_JURISDICTION, WHOLE_COUNTRY, REGION_NAMED,
    DATABASE_UNAVAILABLE, UNEXPECTED, NO_DEV_TOKENS,
    // query and path parameters (Params)
    NO_PROJECT, MIN_PAGE, PAGE_SIZE_RANGE, PAGE_TOO_FAR, MUST_BE_INTEGER, MUST_BE_DATE, INSTANT_RANGE, TEXT_FILTER,
    MUST_BE_AMOUNT, AMOUNT_RANGE, MUST_BE_ONE_OF, REGION_CODE_FORMAT, REGION_CODE_UNKNOWN;

    /** The title of a problem of this HTTP status. */
    public static ProblemText title(int status) {
        return switch (status) {
            case 400 -> TITLE_400;
            case 401 -> TITLE_401;
            case 403 -> TITLE_403;
            case 404 -> TITLE_404;
            case 405 -> TITLE_405;
            case 406 -> TITLE_406;
            case 409 -> TITLE_409;
            case 413 -> TITLE_413;
            case 415 -> TITLE_415;
            case 422 -> TITLE_422;
            case 429 -> TITLE_429;
            case 503 -> TITLE_503;
            default -> status >= 500 ? TITLE_OTHER_5XX : TITLE_OTHER_4XX;
        };
    }
}
