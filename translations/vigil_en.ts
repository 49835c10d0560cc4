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
</context>
</TS>
