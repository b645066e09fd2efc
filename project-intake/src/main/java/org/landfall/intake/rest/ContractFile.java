package org.landfall.intake.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.service.ImportService;
import org.landfall.intake.service.IntakeConfig;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemMappers;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.problem.Text;

/**
 * Reads a CSV file of signed contracts (RFC 4180: a header line, one contract a line, quoted cells may hold
 * commas, quotes and line breaks). Each row becomes the very {@link NewProject} that {@code POST /api/projects}
 * reads, through the same strict JSON reading and the same Bean Validation constraints; the columns are named
 * like its members, nested ones with a dot ({@code plannedCapacity.value}), and {@code phases} is one cell
 * ({@code 5000000000 (20 GWh); 5000000000 (20 GWh)}), and so is {@code designations}
 * ({@code provincial-key; municipal-key}). A file that is not a readable table is a 400; a row
 * that breaks a rule is listed with its line and field.
 */
@ApplicationScoped
public class ContractFile {

    private enum Kind { TEXT, NUMBER, INTEGER, DATE, PHASES, CODES }

    static final Map<String, Kind> COLUMNS = columns();
    static final List<String> REQUIRED = List.of("name", "investor", "province", "city", "sector", "signedOn",
            "contractValue");

    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern PHASE = Pattern.compile("([^()]*?)\\s*(?:\\(([^()]*)\\))?");
    private static final Pattern CAPACITY = Pattern.compile("\\s*(\\S+)\\s+(\\S.*?)\\s*");

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    IntakeConfig config;

    private static Map<String, Kind> columns() {
        Map<String, Kind> c = new LinkedHashMap<>();
        for (String text : List.of("name", "investor", "province", "city", "district", "regionCode", "sector")) {
            c.put(text, Kind.TEXT);
        }
        c.put("signedOn", Kind.DATE);
        c.put("contractValue", Kind.NUMBER);
        c.put("plannedJobs", Kind.INTEGER);
        c.put("plannedCapacity.value", Kind.NUMBER);
        c.put("plannedCapacity.unit", Kind.TEXT);
        c.put("phases", Kind.PHASES);
        c.put("plannedStartOn", Kind.DATE);
        c.put("plannedOperationalOn", Kind.DATE);
        c.put("source.title", Kind.TEXT);
        c.put("source.url", Kind.TEXT);
        c.put("source.publishedOn", Kind.DATE);
        c.put("designations", Kind.CODES);
        c.put("park", Kind.TEXT);
        c.put("expectedAnnualSales", Kind.NUMBER);
        c.put("expectedAnnualProfit", Kind.NUMBER);
        c.put("expectedAnnualTax", Kind.NUMBER);
        return c;
    }

    /** The rows of {@code file}, each read into a contract or into the errors that refuse it. */
    public List<ImportService.Row> read(byte[] file, Charset charset) {
        String text = decode(file, charset);
        List<ImportService.Row> rows = new ArrayList<>();
        List<String> header = null;
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (true) {
                int line = records.getParser().currentLocation().getLineNr();
                if (!records.hasNextValue()) {
                    break;
                }
                String[] cells = records.nextValue();
                if (Arrays.stream(cells).allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = header(cells, line);
                } else if (rows.size() == config.imports().maxRows()) {
                    throw ProblemException.of(413, IntakeText.TOO_MANY_ROWS.with(config.imports().maxRows()));
                } else {
                    rows.add(row(header, cells, line));
                }
            }
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            // The CSV parser's complaint is English only: it quotes what it met.
            Text message = e.getOriginalMessage() == null ? ProblemText.UNREADABLE_BODY.with()
                    : Text.said(e.getOriginalMessage().lines().findFirst().orElse(""));
            throw ProblemException.badRequest(at == null || at.getLineNr() < 1 ? IntakeText.NOT_CSV_FILE.with(message)
                    : IntakeText.NOT_CSV_FILE_AT.with(at.getLineNr(), message), List.of());
        } catch (IOException e) {
            throw ProblemException.badRequest(IntakeText.NOT_CSV_FILE.with(ProblemText.UNREADABLE_BODY.with()), List.of());
        }
        if (header == null) {
            throw ProblemException.badRequest(IntakeText.FILE_EMPTY.with(), List.of());
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("file", IntakeText.FILE_WITHOUT_CONTRACT.with());
        }
        return rows;
    }

    private static String decode(byte[] file, Charset charset) {
        if (file == null || file.length == 0) {
            throw ProblemException.badRequest(IntakeText.FILE_EMPTY.with(), List.of());
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(IntakeText.NOT_IN_CHARSET.with(charset.name()), List.of());
        }
        // Spreadsheets write a byte order mark at the start of a UTF-8 CSV.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> header(String[] cells, int line) {
        int width = cells.length;
        while (width > 0 && cells[width - 1].isBlank()) {
            width--; // empty columns at the right of a sheet
        }
        List<String> header = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String name = canonical(cells[i].strip());
            if (name == null) {
                errors.add(cells[i].isBlank() ? new FieldError(line, null, IntakeText.COLUMN_WITHOUT_NAME.with(i + 1))
                        : new FieldError(line, cells[i].strip(),
                        IntakeText.UNKNOWN_COLUMN.with(String.join(", ", COLUMNS.keySet()))));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(line, name, IntakeText.COLUMN_TWICE.with()));
            }
            header.add(name);
        }
        // A file that gives the places by their code need not name them.
        REQUIRED.stream().filter(r -> !seen.contains(r))
                .filter(r -> !seen.contains("regionCode") || !r.equals("province") && !r.equals("city"))
                .forEach(r -> errors.add(new FieldError(line, r, IntakeText.COLUMN_MISSING.with())));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(IntakeText.HEADER_WRONG.with(line), errors);
        }
        return header;
    }

    /** Column names as the JSON members are spelt; an officer's spreadsheet may capitalise them differently. */
    private static String canonical(String name) {
        return COLUMNS.keySet().stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    private ImportService.Row row(List<String> header, String[] cells, int line) {
        List<FieldError> errors = new ArrayList<>();
        if (Arrays.stream(cells).skip(header.size()).anyMatch(c -> !c.isBlank())) {
            errors.add(new FieldError(line, null, IntakeText.TOO_MANY_CELLS.with(cells.length, header.size())));
            return new ImportService.Row(line, null, errors);
        }
        ObjectNode json = mapper.createObjectNode();
        for (int i = 0; i < header.size() && i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                JsonNode value = value(header.get(i), cells[i], line, errors);
                if (value != null) {
                    put(json, header.get(i), value);
                }
            }
        }
        if (!errors.isEmpty()) {
            return new ImportService.Row(line, null, errors);
        }
        NewProject contract;
        try {
            contract = mapper.treeToValue(json, NewProject.class);
        } catch (JacksonException e) {
            String field = e instanceof JsonMappingException m ? ProblemMappers.pathOf(m) : null;
            errors.add(new FieldError(line, field, ProblemMappers.unreadable(e)));
            return new ImportService.Row(line, null, errors);
        }
        validator.validate(contract).stream()
                .map(v -> new FieldError(line, ProblemMappers.fieldOf(v), Text.said(v.getMessage())))
                .sorted(FieldError.BY_FIELD)
                .forEach(errors::add);
        return errors.isEmpty() ? new ImportService.Row(line, contract.toContract(), List.of())
                : new ImportService.Row(line, null, errors);
    }

    private static JsonNode value(String column, String cell, int line, List<FieldError> errors) {
        String s = cell.strip();
        return switch (COLUMNS.get(column)) {
            case TEXT -> TextNode.valueOf(cell);
            case NUMBER -> number(s, line, column, errors);
            case INTEGER -> {
                try {
                    yield s.isEmpty() ? null : IntNode.valueOf(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(line, column, ProblemText.CANNOT_READ_AS.with(Text.excerpt(s), ProblemText.AN_INTEGER.with())));
                    yield null;
                }
            }
            case DATE -> {
                try {
                    yield s.isEmpty() ? null : TextNode.valueOf(LocalDate.parse(s).toString());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(line, column, ProblemText.CANNOT_READ_AS.with(Text.excerpt(s), ProblemText.A_DATE.with())));
                    yield null;
                }
            }
            case PHASES -> phases(s, line, errors);
            case CODES -> codes(s);
        };
    }

    private static JsonNode number(String s, int line, String field, List<FieldError> errors) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            // As long as the JSON reader allows: a 1,000-digit number is refused before any arithmetic on it.
            if (s.length() <= 64) {
                return DecimalNode.valueOf(new BigDecimal(s));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(line, field, ProblemText.CANNOT_READ_AS.with(Text.excerpt(s), IntakeText.A_PLAIN_NUMBER.with())));
        return null;
    }

    /** {@code 5000000000 (20 GWh); (20 GWh); 3000000000}: phases 1..n in order, each an investment and/or a capacity. */
    private static JsonNode phases(String cell, int line, List<FieldError> errors) {
        ArrayNode phases = JsonNodeFactory.instance.arrayNode();
        String[] parts = cell.split(";", -1);
        int n = 0;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            String field = "phases[" + n + "]";
            ObjectNode phase = phases.addObject().put("number", ++n);
            Matcher m = PHASE.matcher(part.strip());
            if (!m.matches() || m.group(1).isEmpty() && m.group(2) == null) {
                errors.add(new FieldError(line, field, IntakeText.PHASE_UNREADABLE.with(Text.excerpt(part.strip()))));
                continue;
            }
            if (!m.group(1).isEmpty()) {
                JsonNode investment = number(m.group(1), line, field + ".investment", errors);
                if (investment != null) {
                    phase.set("investment", investment);
                }
            }
            if (m.group(2) != null) {
                Matcher c = CAPACITY.matcher(m.group(2));
                if (!c.matches()) {
                    errors.add(new FieldError(line, field + ".capacity", IntakeText.CAPACITY_UNREADABLE.with()));
                    continue;
                }
                JsonNode value = number(c.group(1), line, field + ".capacity.value", errors);
                if (value != null) {
                    phase.putObject("capacity").put("unit", c.group(2)).set("value", value);
                }
            }
        }
        return phases.isEmpty() ? null : phases;
    }

    /** {@code provincial-key; municipal-key} (or with {@code |}): a comma would need the cell quoted. */
    private static JsonNode codes(String cell) {
        ArrayNode codes = JsonNodeFactory.instance.arrayNode();
        Arrays.stream(cell.split("[;|]")).map(String::strip).filter(c -> !c.isEmpty()).forEach(codes::add);
        return codes.isEmpty() ? null : codes;
    }

    private static void put(ObjectNode json, String column, JsonNode value) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            json.set(column, value);
        } else {
            String parent = column.substring(0, dot);
            ObjectNode nested = json.get(parent) instanceof ObjectNode o ? o : json.putObject(parent);
            nested.set(column.substring(dot + 1), value);
        }
    }
}
