package org.landfall.demo;

import static java.time.LocalDate.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The load's summary: counts, and for an incomplete load what is missing and why. */
class LoadReportTest {

    @Test
    void shouldSayALoadIsCompleteWhenNothingIsMissing() {
        LoadReport report = new LoadReport();
        report.created = 2;
        report.existing = 1;
        report.posted = 3;
        report.present = 4;
        report.set = 5;
        report.held = 6;
        assertTrue(report.complete());
        assertEquals(List.of("demo data: 2 projects created, 1 already there, 0 refused, 0 failed; "
                + "3 updates posted, 4 already there, 0 refused, 0 failed",
                "demo data: 5 plans and targets set, 6 already there, 0 refused, 0 failed",
                "demo data: 0 blockers raised or resolved, 0 already there, 0 refused, 0 failed",
                "demo data complete: every project, plan, target, update and blocker of the demo is recorded"), report.lines());
    }

    @Test
    void shouldNameWhatIsMissingByReasonWithTheProjectsUpdatesAndPlansWhenAServiceStoppedAnswering() {
        LoadReport report = new LoadReport();
        String gone = "project-intake: POST /api/projects failed 8 times, last: java.io.IOException: GOAWAY received";
        for (int i = 1; i <= 12; i++) {
            report.projectFailed(project("sys-q1-" + i), gone);
        }
        DemoProject fengfan = project("fengfan");
        report.updatesFailed(fengfan, fengfan.updates, "project-status stopped answering");
        report.blockersFailed(fengfan, fengfan.blockers, "project-status stopped answering");
        String refused = "refused by project-intake with 422 plannedInvestment: must be at least 0";
        report.settingRefused(LoadReport.plan(project("key-2023-provincial-1"), 2023), refused);
        report.settingRefused("targets 2023 of Heilongjiang/Shuangyashan/-", refused);
        assertFalse(report.complete());
        List<String> lines = report.lines();
        assertEquals("demo data: 0 projects created, 0 already there, 0 refused, 12 failed; "
                + "0 updates posted, 0 already there, 0 refused, 26 failed", lines.get(0));
        // the plan of each project that is not signed is missing too
        assertEquals("demo data: 0 plans and targets set, 0 already there, 2 refused, 12 failed", lines.get(1));
        // the blocker of each project that is not signed is missing too, and fengfan's
        assertEquals("demo data: 0 blockers raised or resolved, 0 already there, 0 refused, 13 failed", lines.get(2));
        assertEquals("demo data INCOMPLETE: 12 projects, 14 plans and targets, 26 updates and 13 blockers of the demo are "
                + "not recorded:", lines.get(3));
        assertEquals("  " + gone + ": sys-q1-1 (not signed), sys-q1-2 (not signed), sys-q1-3 (not signed), "
                + "sys-q1-4 (not signed), sys-q1-5 (not signed), sys-q1-6 (not signed), sys-q1-7 (not signed), "
                + "sys-q1-8 (not signed), sys-q1-9 (not signed), sys-q1-10 (not signed) and 2 more", lines.get(4));
        assertEquals("  project-status stopped answering: fengfan STARTED on 2023-04-07, fengfan figures on 2023-06-30, "
                + "fengfan power blocker raised on 2023-04-10", lines.get(5));
        assertEquals("  " + refused + ": key-2023-provincial-1 plan 2023, targets 2023 of Heilongjiang/Shuangyashan/-",
                lines.get(6));
    }

    private static DemoProject project(String key) {
        return new DemoProject(key, key, "Investor", "Heilongjiang", "Shuangyashan", "Jianshan", "230502", "new-energy",
                of(2023, 1, 18), new BigDecimal("1050000000"))
                .stage("STARTED", of(2023, 4, 7), "Construction site started")
                .figures(of(2023, 6, 30), new BigDecimal("200000000"), 120)
                .plan(2023, new BigDecimal("300000000"), false)
                .blocker("power", of(2023, 4, 10), "waits for the power-supply plan", "State Grid");
    }
}
