package io.downline.commission.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

/**
 * A plan as JSON: checked against its own JSON Schema ({@code plan.schema.json}, draft 2020-12, the validator
 * platform/events uses for event schemas), then against the rules a schema cannot say: levels without gaps, no
 * more than 100 % paid, ranks in order and only ranks the plan defines named by a leg rule.
 */
public final class PlanDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = loadSchema();

    private PlanDocument() {
    }

    /** Every violation, schema first; empty when the plan is valid. */
    public static List<PlanViolation> validate(String json) {
        List<Error> errors;
        try {
            errors = SCHEMA.validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            return List.of(new PlanViolation("", "not valid JSON"));
        }
        if (!errors.isEmpty()) {
            return errors.stream().map(PlanDocument::violation).toList();
        }
        return rules(read(json));
    }

    /** The plan, or {@link InvalidPlanException} with every violation. */
    public static Plan parse(String json) {
        List<PlanViolation> violations = validate(json);
        if (!violations.isEmpty()) {
            throw new InvalidPlanException(violations);
        }
        JsonNode root = read(json);
        List<BigDecimal> rates = new ArrayList<>();
        root.get("levels").forEach(level -> rates.add(new BigDecimal(level.get("rate").asText())));
        List<RankRule> ranks = new ArrayList<>();
        root.get("ranks").forEach(rank -> ranks.add(rankRule(rank)));
        return new Plan(root.get("currency").asText(), rates, amount(root.get("qualifyingVolume")), ranks,
                root.get("holdDays").asInt(), new BigDecimal(root.get("payoutCap").asText()));
    }

    private static List<PlanViolation> rules(JsonNode root) {
        List<PlanViolation> violations = new ArrayList<>();
        JsonNode levels = root.get("levels");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < levels.size(); i++) {
            int level = levels.get(i).get("level").asInt();
            if (level != i + 1) {
                violations.add(new PlanViolation("levels[" + i + "].level",
                        "levels run 1, 2, 3 ... without gaps or repeats: expected " + (i + 1) + ", found " + level));
            }
            total = total.add(new BigDecimal(levels.get(i).get("rate").asText()));
        }
        if (total.compareTo(BigDecimal.ONE) > 0) {
            violations.add(new PlanViolation("levels", "the levels pay " + CommissionWalk.percent(total)
                    + " of a sale's volume, more than 100 %"));
        }
        JsonNode ranks = root.get("ranks");
        Set<Rank> defined = EnumSet.noneOf(Rank.class);
        Rank previous = null;
        for (int i = 0; i < ranks.size(); i++) {
            JsonNode rank = ranks.get(i);
            Rank name = Rank.valueOf(rank.get("rank").asText());
            if (previous != null && name.ordinal() <= previous.ordinal()) {
                violations.add(new PlanViolation("ranks[" + i + "].rank",
                        "ranks are listed lowest first, each once: " + name + " cannot follow " + previous));
            }
            if (rank.get("paysLevels").asInt() > levels.size()) {
                violations.add(new PlanViolation("ranks[" + i + "].paysLevels",
                        "the plan has " + levels.size() + " levels; " + name + " cannot be paid "
                                + rank.get("paysLevels").asInt()));
            }
            if (i == 0 && (rank.has("personalVolume") || rank.has("groupVolume") || rank.has("qualifiedSponsored")
                    || rank.has("legs"))) {
                violations.add(new PlanViolation("ranks[0]",
                        "the first rank is every member's rank by default and has no requirements"));
            }
            defined.add(name);
            previous = name;
        }
        for (int i = 0; i < ranks.size(); i++) {
            JsonNode legs = ranks.get(i).get("legs");
            if (legs != null && !defined.contains(Rank.valueOf(legs.get("rank").asText()))) {
                violations.add(new PlanViolation("ranks[" + i + "].legs.rank",
                        "unknown rank " + legs.get("rank").asText() + ": the plan defines " + defined));
            }
        }
        return violations;
    }

    private static RankRule rankRule(JsonNode rank) {
        JsonNode legs = rank.get("legs");
        return new RankRule(Rank.valueOf(rank.get("rank").asText()), rank.get("paysLevels").asInt(),
                amount(rank.get("personalVolume")), amount(rank.get("groupVolume")),
                rank.path("qualifiedSponsored").asInt(0), legs == null ? 0 : legs.get("count").asInt(),
                legs == null ? null : Rank.valueOf(legs.get("rank").asText()));
    }

    private static BigDecimal amount(JsonNode node) {
        return node == null ? Amounts.ZERO : new BigDecimal(node.asText()).setScale(2);
    }

    private static PlanViolation violation(Error error) {
        String location = error.getInstanceLocation().toString();
        String field = location.startsWith("$.") ? location.substring(2) : location.equals("$") ? "" : location;
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
        }
        return new PlanViolation(field, error.getMessage());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPlanException(List.of(new PlanViolation("", "not valid JSON")));
        }
    }

    private static Schema loadSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_PATH).locale(Locale.ENGLISH).build()));
        try (InputStream in = PlanDocument.class.getResourceAsStream("plan.schema.json")) {
            Schema schema = registry.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
