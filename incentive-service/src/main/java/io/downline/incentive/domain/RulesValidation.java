package io.downline.incentive.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.downline.platform.domain.BusinessRuleException;

/**
 * The rules a program's definition must follow beyond the shape of its fields, checked before a draft is stored:
 * a window that ends on or after its start, a known time zone, tiers numbered 1..n with the same criteria, each
 * tier asking at least as much as the one below on every criterion and more on one, well-formed criteria and
 * rewards. The first broken rule is refused, naming its field.
 */
public final class RulesValidation {

    private static final int MAX_TIERS = 5;

    private RulesValidation() {
    }

    public static ProgramRules check(ProgramDefinition definition) {
        ZoneId zone = zone(definition.timeZone());
        if (definition.endDate().isBefore(definition.startDate())) {
            throw new BusinessRuleException("endDate", "The window ends (" + definition.endDate()
                    + ") before it starts (" + definition.startDate() + ")");
        }
        List<Tier> tiers = definition.tiers();
        if (tiers.isEmpty() || tiers.size() > MAX_TIERS) {
            throw new BusinessRuleException("tiers", "A program has 1 to " + MAX_TIERS + " tiers");
        }
        for (int i = 0; i < tiers.size(); i++) {
            checkTier(tiers.get(i), i);
        }
        Set<Metric> metrics = metrics(tiers.get(0));
        for (int i = 1; i < tiers.size(); i++) {
            if (!metrics(tiers.get(i)).equals(metrics)) {
                throw new BusinessRuleException("tiers[" + i + "].criteria",
                        "Every tier measures the same criteria as the first tier: " + metrics);
            }
            checkOrder(tiers.get(i - 1), tiers.get(i), i);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!names.add(tiers.get(i).name())) {
                throw new BusinessRuleException("tiers[" + i + "].name", "Tier names are unique in a program");
            }
        }
        List<Tier> numbered = IntStream.range(0, tiers.size())
                .mapToObj(i -> new Tier(i + 1, tiers.get(i).name(), tiers.get(i).criteria(), tiers.get(i).reward()))
                .toList();
        return new ProgramRules(new Window(definition.startDate(), definition.endDate(), zone),
                definition.eligibility(), definition.combine(), numbered, definition.maxWinners(),
                definition.winnerRule());
    }

    private static Set<Metric> metrics(Tier tier) {
        return tier.criteria().stream().map(Criterion::metric).collect(Collectors.toSet());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new BusinessRuleException("timeZone", "Unknown time zone '" + id + "' (use an IANA id such as Europe/Paris)");
        }
    }

    private static void checkTier(Tier tier, int index) {
        String at = "tiers[" + index + "]";
        if (tier.criteria().isEmpty()) {
            throw new BusinessRuleException(at + ".criteria", "A tier has at least one criterion");
        }
        if (tier.criteria().stream().map(Criterion::metric).distinct().count() != tier.criteria().size()) {
            throw new BusinessRuleException(at + ".criteria", "Each metric appears at most once in a tier");
        }
        for (int c = 0; c < tier.criteria().size(); c++) {
            checkCriterion(tier.criteria().get(c), at + ".criteria[" + c + "]");
        }
        checkReward(tier.reward(), at + ".reward");
    }

    private static void checkCriterion(Criterion criterion, String at) {
        if (criterion.metric() == Metric.RANK_REACHED) {
            if (criterion.rank() == null || criterion.target() != null) {
                throw new BusinessRuleException(at, "RANK_REACHED takes a rank and no target");
            }
            return;
        }
        if (criterion.metric() == Metric.KYC_APPROVED) {
            if (criterion.rank() != null || criterion.target() != null) {
                throw new BusinessRuleException(at, "KYC_APPROVED takes neither a target nor a rank");
            }
            return;
        }
        if (criterion.target() == null || criterion.rank() != null) {
            throw new BusinessRuleException(at, criterion.metric() + " takes a target and no rank");
        }
        if (criterion.target().signum() <= 0) {
            throw new BusinessRuleException(at + ".target", "A target is greater than zero");
        }
        if (criterion.target().stripTrailingZeros().scale() > (criterion.metric() == Metric.NEW_PERSONALLY_SPONSORED ? 0 : 2)) {
            throw new BusinessRuleException(at + ".target", criterion.metric() == Metric.NEW_PERSONALLY_SPONSORED
                    ? "A number of members is a whole number" : "A volume has at most two decimals");
        }
    }

    private static void checkReward(Reward reward, String at) {
        if (reward.type() == RewardType.CASH) {
            if (reward.cash() == null || reward.item() != null || reward.cash().signum() <= 0
                    || reward.cash().stripTrailingZeros().scale() > 2) {
                throw new BusinessRuleException(at, "A CASH reward has a positive amount with at most two decimals and no item");
            }
        } else if (reward.item() == null || reward.item().isBlank() || reward.cash() != null) {
            throw new BusinessRuleException(at, "An ITEM reward names the item and has no cash amount");
        }
    }

    /** Each tier asks at least as much as the one below on every criterion, and more on at least one. */
    private static void checkOrder(Tier lower, Tier higher, int index) {
        Map<Metric, Criterion> below = lower.criteria().stream()
                .collect(Collectors.toMap(Criterion::metric, Function.identity()));
        boolean more = false;
        for (Criterion criterion : higher.criteria()) {
            int comparison = criterion.compareDemand(below.get(criterion.metric()));
            if (comparison < 0) {
                throw new BusinessRuleException("tiers[" + index + "]", "Tiers are ordered from the lowest: tier '"
                        + higher.name() + "' asks less " + criterion.metric() + " than tier '" + lower.name() + "'");
            }
            more |= comparison > 0;
        }
        if (!more) {
            throw new BusinessRuleException("tiers[" + index + "]", "Tier '" + higher.name()
                    + "' asks no more than tier '" + lower.name() + "'");
        }
    }
}
