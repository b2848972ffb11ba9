package io.downline.commission;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A sale reads its uplines' figures for the first few steps only (twice the plan's five levels); a walk that skips
 * past them with levels still open reads the rest and pays exactly what a walk over the whole upline pays, and the
 * explanation lists the whole upline either way.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class DeepUplineTest {

    private static final int UNQUALIFIED = 11;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    /**
     * root ← second ← first ← eleven members without PV ← seller. The eleven are more than the steps read at once,
     * so the walk pays nobody in them and must read further: first is paid level 1, second level 2.
     */
    @Test
    void aWalkThatSkipsPastTheStepsReadAtOnceReadsTheRestOfItsUpline() {
        TestTree tree = new TestTree(dataSource);
        Member root = tree.member(null);
        Member second = tree.member(root);
        Member first = tree.member(second);
        List<Member> unqualified = new ArrayList<>();
        Member sponsor = first;
        for (int i = 0; i < UNQUALIFIED; i++) {
            sponsor = tree.member(sponsor);
            unqualified.add(sponsor);
        }
        Member seller = tree.member(sponsor);
        TestTree.sale(first, "60.00", clock.instant());
        TestTree.sale(second, "60.00", clock.instant());

        List<String> upline = new ArrayList<>(unqualified.stream().map(member -> member.id().toString()).toList());
        Collections.reverse(upline);
        upline.add(first.id().toString());
        upline.add(second.id().toString());
        UUID order = UUID.randomUUID();
        TestTree.asAdmin().body(TestTree.saleBody(order, seller.id(), "120.00", "100.00", "USD", clock.instant()))
                .post("/api/commissions/sales").then().statusCode(201)
                .body("paid", equalTo("15.00"))
                .body("explanation.upline", equalTo(upline))
                .body("explanation.lines.beneficiaryId", contains(first.id().toString(), second.id().toString()))
                .body("explanation.lines.step", contains(UNQUALIFIED + 1, UNQUALIFIED + 2))
                .body("explanation.lines.amount", contains("10.00", "5.00"))
                .body("explanation.skips", hasSize(UNQUALIFIED))
                .body("explanation.skips.reason", everyItem(equalTo("not qualified")));
    }
}
