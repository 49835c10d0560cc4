<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>vigil::ActionRegisterModel</name>
    <message numerus="yes">
        <source>Overdue by %n days</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ActionsModule</name>
    <message numerus="yes">
        <source>%n corrective actions are overdue.</source>
        <translation>
            <numerusform>%n corrective action is overdue.</numerusform>
            <numerusform>%n corrective actions are overdue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ActionsPage</name>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n actions to %1.</source>
        <translation>
            <numerusform>Exported %n action to %1.</numerusform>
            <numerusform>Exported %n actions to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::AuditTrailDialog</name>
    <message numerus="yes">
        <source>The newest %n entries; more load as you scroll.</source>
        <translation>
            <numerusform>The newest entry; more load as you scroll.</numerusform>
            <numerusform>The newest %n entries; more load as you scroll.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries.</source>
        <translation>
            <numerusform>%n entry.</numerusform>
            <numerusform>%n entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::CatalogueDialog</name>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n people to %1.</source>
        <translation type="unfinished">
            <numerusform>Exported %n person to %1.</numerusform>
            <numerusform>Exported %n people to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ComplianceMatrixModel</name>
    <message numerus="yes">
        <source>Valid for %n months</source>
        <translation>
            <numerusform>Valid for %n month</numerusform>
            <numerusform>Valid for %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::CourseTrainingDialog</name>
    <message numerus="yes">
        <source>valid %n months</source>
        <translation>
            <numerusform>valid %n month</numerusform>
            <numerusform>valid %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ExpiringTab</name>
    <message numerus="yes">
        <source>Within %n days</source>
        <translation type="unfinished">
            <numerusform>Within %n day</numerusform>
            <numerusform>Within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certifications run out</source>
        <translation type="unfinished">
            <numerusform>%n certification runs out</numerusform>
            <numerusform>%n certifications run out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n certifications to %1.</source>
        <translation type="unfinished">
            <numerusform>Exported %n certification to %1.</numerusform>
            <numerusform>Exported %n certifications to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::HealthCheck</name>
    <message numerus="yes">
        <source>audit trail: %n entries are malformed</source>
        <translation>
            <numerusform>audit trail: %n entry is malformed</numerusform>
            <numerusform>audit trail: %n entries are malformed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit trail: %n entries, consistent with the records</source>
        <translation>
            <numerusform>audit trail: %n entry, consistent with the records</numerusform>
            <numerusform>audit trail: %n entries, consistent with the records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit trail: table %1: %n records have no audit entry (created outside Vigil), e.g. %2</source>
        <translation>
            <numerusform>audit trail: table %1: %n record has no audit entry (created outside Vigil), e.g. %2</numerusform>
            <numerusform>audit trail: table %1: %n records have no audit entry (created outside Vigil), e.g. %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit trail: table %1: %n records were changed without an audit entry (edited outside Vigil), e.g. %2</source>
        <translation>
            <numerusform>audit trail: table %1: %n record was changed without an audit entry (edited outside Vigil), e.g. %2</numerusform>
            <numerusform>audit trail: table %1: %n records were changed without an audit entry (edited outside Vigil), e.g. %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit trail: table %1: %n values differ from their last audited change (edited outside Vigil), e.g. %2</source>
        <translation>
            <numerusform>audit trail: table %1: %n value differs from its last audited change (edited outside Vigil), e.g. %2</numerusform>
            <numerusform>audit trail: table %1: %n values differ from their last audited change (edited outside Vigil), e.g. %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit trail: table %1: %n records were deleted without an audit entry (removed outside Vigil), e.g. %2</source>
        <translation>
            <numerusform>audit trail: table %1: %n record was deleted without an audit entry (removed outside Vigil), e.g. %2</numerusform>
            <numerusform>audit trail: table %1: %n records were deleted without an audit entry (removed outside Vigil), e.g. %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit chain: %n entries intact; the newest is #%1 of %2, seal %3</source>
        <translation>
            <numerusform>audit chain: %n entry intact; the newest is #%1 of %2, seal %3</numerusform>
            <numerusform>audit chain: %n entries intact; the newest is #%1 of %2, seal %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>search index: %n incidents not found as their records say (%1); the records are intact, but a search may miss them or find them wrongly</source>
        <translation>
            <numerusform>search index: %n incident not found as its records say (%1); the record is intact, but a search may miss it or find it wrongly</numerusform>
            <numerusform>search index: %n incidents not found as their records say (%1); the records are intact, but a search may miss them or find them wrongly</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::HeatMapWidget</name>
    <message numerus="yes">
        <source>%n risks; click to list them</source>
        <translation>
            <numerusform>%n risk; click to list it</numerusform>
            <numerusform>%n risks; click to list them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ImportWizard</name>
    <message numerus="yes">
        <source>%n rows in %1, read as %2, fields separated by %3.</source>
        <translation>
            <numerusform>%n row in %1, read as %2, fields separated by %3.</numerusform>
            <numerusform>%n rows in %1, read as %2, fields separated by %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows have problems: correct the file and try again, or import only the valid rows.</source>
        <translation>
            <numerusform>%n row has problems: correct the file and try again, or import only the valid rows.</numerusform>
            <numerusform>%n rows have problems: correct the file and try again, or import only the valid rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n problems to %1.</source>
        <translation>
            <numerusform>Saved %n problem to %1.</numerusform>
            <numerusform>Saved %n problems to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows in %1 (%2).</source>
        <translation>
            <numerusform>%n row in %1 (%2).</numerusform>
            <numerusform>%n rows in %1 (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::IncidentsModule</name>
    <message numerus="yes">
        <source>%n critical incidents are open.</source>
        <translation>
            <numerusform>%n critical incident is open.</numerusform>
            <numerusform>%n critical incidents are open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n high-severity incidents are open.</source>
        <translation>
            <numerusform>%n high-severity incident is open.</numerusform>
            <numerusform>%n high-severity incidents are open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents were reported in the last 24 hours.</source>
        <translation>
            <numerusform>%n incident was reported in the last 24 hours.</numerusform>
            <numerusform>%n incidents were reported in the last 24 hours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::IncidentsPage</name>
    <message numerus="yes">
        <source>%n incidents</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n incidents to %1.</source>
        <translation>
            <numerusform>Exported %n incident to %1.</numerusform>
            <numerusform>Exported %n incidents to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::KpiPage</name>
    <message numerus="yes">
        <source>Exported %n KPI values to %1.</source>
        <translation>
            <numerusform>Exported %n KPI value to %1.</numerusform>
            <numerusform>Exported %n KPI values to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2, compared with the %n days before</source>
        <translation>
            <numerusform>%1 to %2, compared with the %n day before</numerusform>
            <numerusform>%1 to %2, compared with the %n days before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::KpiValuesDialog</name>
    <message numerus="yes">
        <source>Enter %n KPI values</source>
        <translation>
            <numerusform>Enter %n KPI value</numerusform>
            <numerusform>Enter %n KPI values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::MatrixTab</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation type="unfinished">
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the matrix of %n people to %1.</source>
        <translation type="unfinished">
            <numerusform>Exported the matrix of %n person to %1.</numerusform>
            <numerusform>Exported the matrix of %n people to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::OverviewPage</name>
    <message numerus="yes">
        <source>File: %1 · %2 · file format %3 · created %4 · %n audit entries</source>
        <translation>
            <numerusform>File: %1 · %2 · file format %3 · created %4 · %n audit entry</numerusform>
            <numerusform>File: %1 · %2 · file format %3 · created %4 · %n audit entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::PersonTrainingDialog</name>
    <message numerus="yes">
        <source>not cleared on %1: %n courses missing or expired</source>
        <translation>
            <numerusform>not cleared on %1: %n course missing or expired</numerusform>
            <numerusform>not cleared on %1: %n courses missing or expired</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ReadinessTab</name>
    <message numerus="yes">
        <source>%1 of %n cleared</source>
        <translation type="unfinished">
            <numerusform>%1 of %n cleared</numerusform>
            <numerusform>%1 of %n cleared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n people to %1.</source>
        <translation type="unfinished">
            <numerusform>Exported %n person to %1.</numerusform>
            <numerusform>Exported %n people to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RecordsTab</name>
    <message numerus="yes">
        <source>%n records</source>
        <translation type="unfinished">
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n training records to %1.</source>
        <translation type="unfinished">
            <numerusform>Exported %n training record to %1.</numerusform>
            <numerusform>Exported %n training records to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::Report</name>
    <message numerus="yes">
        <source>%n corrective actions are overdue: agree new dates or escalate.</source>
        <translation>
            <numerusform>%n corrective action is overdue: agree a new date or escalate.</numerusform>
            <numerusform>%n corrective actions are overdue: agree new dates or escalate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n risks are past their review date.</source>
        <translation>
            <numerusform>%n risk is past its review date.</numerusform>
            <numerusform>%n risks are past their review date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people are not cleared for their post.</source>
        <translation>
            <numerusform>%n person is not cleared for their post.</numerusform>
            <numerusform>%n people are not cleared for their post.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents reported more than 30 days before the period&apos;s end are still open.</source>
        <translation>
            <numerusform>%n incident reported more than 30 days before the period&apos;s end is still open.</numerusform>
            <numerusform>%n incidents reported more than 30 days before the period&apos;s end are still open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents occurred in the period</source>
        <translation>
            <numerusform>%n incident occurred in the period</numerusform>
            <numerusform>%n incidents occurred in the period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n more than in the period before.</source>
        <translation>
            <numerusform>, %n more than in the period before.</numerusform>
            <numerusform>, %n more than in the period before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n fewer than in the period before.</source>
        <translation>
            <numerusform>, %n fewer than in the period before.</numerusform>
            <numerusform>, %n fewer than in the period before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training compliance stood at %1 at the period&apos;s end; %n corrective actions were overdue; %2 risks are open.</source>
        <translation>
            <numerusform>Training compliance stood at %1 at the period&apos;s end; %n corrective action was overdue; %2 risks are open.</numerusform>
            <numerusform>Training compliance stood at %1 at the period&apos;s end; %n corrective actions were overdue; %2 risks are open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n risks are open in the register. The heat maps count them by likelihood and impact before controls (inherent) and with them (residual); each cell&apos;s letter names its level.</source>
        <translation>
            <numerusform>%n risk is open in the register. The heat maps count it by likelihood and impact before controls (inherent) and with them (residual); each cell&apos;s letter names its level.</numerusform>
            <numerusform>%n risks are open in the register. The heat maps count them by likelihood and impact before controls (inherent) and with them (residual); each cell&apos;s letter names its level.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents occurred in the period (%1 in the period before).</source>
        <translation>
            <numerusform>%n incident occurred in the period (%1 in the period before).</numerusform>
            <numerusform>%n incidents occurred in the period (%1 in the period before).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RiskRegisterModel</name>
    <message numerus="yes">
        <source>Review overdue by %n days</source>
        <translation>
            <numerusform>Review overdue by %n day</numerusform>
            <numerusform>Review overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RisksModule</name>
    <message numerus="yes">
        <source>%n risks are %1 even with their controls in place.</source>
        <translation>
            <numerusform>%n risk is %1 even with its controls in place.</numerusform>
            <numerusform>%n risks are %1 even with their controls in place.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n risk reviews are overdue.</source>
        <translation>
            <numerusform>%n risk review is overdue.</numerusform>
            <numerusform>%n risk reviews are overdue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RisksPage</name>
    <message numerus="yes">
        <source>%n risks</source>
        <translation>
            <numerusform>%n risk</numerusform>
            <numerusform>%n risks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n risks to %1.</source>
        <translation>
            <numerusform>Exported %n risk to %1.</numerusform>
            <numerusform>Exported %n risks to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::Seeds</name>
    <message numerus="yes">
        <source>Closed within %n days</source>
        <translation>
            <numerusform>Closed within %n day</numerusform>
            <numerusform>Closed within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Share of the incidents closed in the period that were closed within %n days of their report.</source>
        <translation>
            <numerusform>Share of the incidents closed in the period that were closed within %n day of their report.</numerusform>
            <numerusform>Share of the incidents closed in the period that were closed within %n days of their report.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SessionDialog</name>
    <message numerus="yes">
        <source>%n attending</source>
        <translation>
            <numerusform>%n attending</numerusform>
            <numerusform>%n attending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SessionsTab</name>
    <message numerus="yes">
        <source>Exported %n sessions to %1.</source>
        <translation type="unfinished">
            <numerusform>Exported %n session to %1.</numerusform>
            <numerusform>Exported %n sessions to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TrainingModule</name>
    <message numerus="yes">
        <source>%n people lack training their post needs.</source>
        <translation>
            <numerusform>%n person lacks training their post needs.</numerusform>
            <numerusform>%n people lack training their post needs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certifications run out within 30 days.</source>
        <translation>
            <numerusform>%n certification runs out within 30 days.</numerusform>
            <numerusform>%n certifications run out within 30 days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TrainingPage</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 30 days</source>
        <translation>
            <numerusform>%n expiring within 30 days</numerusform>
            <numerusform>%n expiring within 30 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not cleared for their post</source>
        <translation>
            <numerusform>%n not cleared for their post</numerusform>
            <numerusform>%n not cleared for their post</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TrainingRecordDialog</name>
    <message numerus="yes">
        <source>%1 is valid for %n months.</source>
        <translation>
            <numerusform>%1 is valid for %n month.</numerusform>
            <numerusform>%1 is valid for %n months.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::VerifyRecordsDialog</name>
    <message numerus="yes">
        <source>%n problems found. The file may have been changed outside Vigil or damaged; keep a copy of it as it is, and compare it with a backup.</source>
        <translation>
            <numerusform>%n problem found. The file may have been changed outside Vigil or damaged; keep a copy of it as it is, and compare it with a backup.</numerusform>
            <numerusform>%n problems found. The file may have been changed outside Vigil or damaged; keep a copy of it as it is, and compare it with a backup.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::cli</name>
    <message numerus="yes">
        <source>%n problems found in %1</source>
        <translation>
            <numerusform>%n problem found in %1</numerusform>
            <numerusform>%n problems found in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n rows of the %1 to %2.</source>
        <translation>
            <numerusform>Wrote %n row of the %1 to %2.</numerusform>
            <numerusform>Wrote %n rows of the %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown %1 &apos;%2&apos;: %n rows</source>
        <translation>
            <numerusform>Unknown %1 &apos;%2&apos;: %n row</numerusform>
            <numerusform>Unknown %1 &apos;%2&apos;: %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::commands::Training</name>
    <message numerus="yes">
        <source>Record %1 session (%n people)</source>
        <translation>
            <numerusform>Record %1 session (%n person)</numerusform>
            <numerusform>Record %1 session (%n people)</numerusform>
        </translation>
    </message>
</context>
</TS>
