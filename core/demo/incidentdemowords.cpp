// The site's areas, investigators' notes per category, corrective actions from audits, and the
// word lists the incident templates draw on (see incidentdemotext.h).
#include "demo/incidentdemotext.h"

namespace vigil::demotext {

const QList<AreaText> &areas()
{
    static const QList<AreaText> list = {
        {"Gatehouse", "Security gatehouse and control room at the site entrance; staffed 24/7",
            {"gatehouse counter", "vehicle booking window", "control room"}},
        {"Main gate", "Vehicle barriers, rising bollards and staff turnstiles off Harrow Lane",
            {"inbound barrier", "outbound barrier", "Turnstile {turnstile}", "pedestrian gate"}},
        {"East yard", "Trailer park (60 bays), shunter parking and the site diesel tank",
            {"Trailer bay E{bay}", "Trailer bay E{bay}", "diesel tank", "shunter parking"}},
        {"West yard", "Container park, empty pallet stacks and the vehicle wash bay",
            {"Container row W{bay}", "empty pallet stacks", "wash bay"}},
        {"Goods-in docks", "Docks 1-12, goods-in marshalling area and returns",
            {"Dock {dock}", "Dock {dock}", "goods-in marshalling area", "returns cage"}},
        {"Goods-out docks", "Docks 13-24, despatch marshalling lanes and the drivers' room",
            {"Dock {dock}", "Dock {dock}", "Despatch lane {n}", "drivers' waiting room"}},
        {"Warehouse zone A", "Ambient racking, aisles 1-38, and the mezzanine pick area",
            {"Aisle {aisle}", "Aisle {aisle}, bay {bay}", "mezzanine", "Pick face {aisle}-{bay}"}},
        {"Warehouse zone B", "Aisles 39-60 and the high-value cage (aisle 40)",
            {"high-value cage", "Aisle {aisle}", "cage airlock"}},
        {"Cold store", "Two chambers at -22 C and the anteroom",
            {"Chamber 1", "Chamber 2", "cold store anteroom"}},
        {"Office block", "Two-storey offices: transport office, canteen, locker rooms, server room",
            {"transport office", "canteen", "locker room", "first floor office"}},
        {"Reception", "Visitor reception, post room and meeting rooms",
            {"front desk", "post room", "visitor waiting area"}},
        {"Staff car park", "380 spaces, cycle shelter and visitor parking",
            {"Row {row}", "Row {row}", "cycle shelter", "visitor spaces"}},
        {"Perimeter fence", "2.4 m weld-mesh fence, 1.9 km, with analytics cameras",
            {"Post {post}", "{section}"}},
        {"Battery charging room", "Forklift battery charging and changeover, south wall",
            {"Charging bay {n}", "battery changeover area"}},
        {"Waste compound", "Cardboard baler, general waste and scrap skips, south-east corner",
            {"cardboard baler", "general waste skip", "scrap metal skip"}},
    };
    return list;
}

// Relative frequency of each hour of the day (UTC, the site's time) for each Hours pattern.
const QList<double> &hourWeights(Hours hours)
{
    static const QList<double> night {9, 9, 9, 8, 7, 5, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 8, 9};
    static const QList<double> dayTime {
        0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 2, 5, 8, 9, 9, 8, 7, 8, 9, 9, 8, 6, 4, 3, 2, 1, 0.5, 0.3};
    static const QList<double> shifts {
        4, 4, 4, 3, 3, 4, 6, 6, 6, 6, 6, 5, 5, 5, 7, 6, 6, 5, 5, 5, 5, 5, 6, 5};
    static const QList<double> evening {
        5, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 8, 8, 7};
    switch (hours) {
    case Hours::Night:
        return night;
    case Hours::Day:
        return dayTime;
    case Hours::Evening:
        return evening;
    case Hours::Shifts:
        break;
    }
    return shifts;
}

const QList<CategoryText> &categoryTexts()
{
    static const QList<CategoryText> list = {
        {"Alarm activation",
            {"Engineer from {contractor} tested the zone: detector working, sensitivity reduced one step.",
                "Checked the ARC log: signal received within seconds of the activation.",
                "Asked maintenance to look at the area at the next service."}},
        {"Suspicious person / vehicle / package",
            {"Checked ANPR for the previous four weeks: vehicle seen twice before, both times at night.",
                "Description shared with the neighbouring units' security teams.",
                "Police intelligence officer asked for the footage; copy made and entered in the export "
                "log."}},
        {"Access control breach",
            {"Access log checked for the whole shift.", "Spoke to the line manager; briefing arranged.",
                "Turnstile logs compared with CCTV for the shift change."}},
        {"Theft",
            {"CCTV reviewed for the last 72 hours: nothing conclusive.",
                "Police attended and took statements.", "Loss value agreed with finance.",
                "Spoke to the night shift team leader; nothing seen."}},
        {"Burglary",
            {"Scenes of crime officer attended and took samples.", "Keyholder and insurer informed.",
                "A neighbouring unit reports a similar attempt the same night."}},
        {"Trespass / unauthorised entry",
            {"Walked the fence line with the facilities manager; two more weak spots found.",
                "Camera {cam} repositioned to cover the spot.",
                "Spoke to the person's manager; briefing given."}},
        {"Vandalism / criminal damage",
            {"Cost of repair agreed with {contractor}.", "Police gave a crime number; no suspects.",
                "Similar damage reported on the industrial estate."}},
        {"Assault / violence",
            {"Statements taken from everyone involved; footage saved.",
                "Employee assistance programme offered.", "Police took the footage and the details."}},
        {"Threat or harassment",
            {"Statements taken from everyone involved.", "Spoke to the person's manager.",
                "Assessed as low risk; police informed for the record."}},
        {"Fire / smoke",
            {"Fire risk assessment reviewed after the incident.", "Fire log updated; extinguishers replaced.",
                "Area checked again an hour later: cold."}},
        {"Medical emergency",
            {"First aider's report received.", "Welfare call made by HR.",
                "Accident investigation meeting held."}},
        {"Safety hazard",
            {"Health and safety lead inspected the area.", "Discussed at the safety committee.",
                "Layout reviewed with the operations manager."}},
        {"Utility failure",
            {"Engineer's report received.", "Checked the area again at the end of the shift.",
                "Cost of repairs agreed with facilities."}},
        {"Lost and found property", {"Checked the found property register.", "Owner contacted by phone."}},
        {"Information security",
            {"IT checked the device's last connection.", "Data protection officer consulted.",
                "E-mail logs reviewed for the period."}},
        {"Fraud",
            {"Records and CCTV saved and handed over.", "Gate records reviewed for the month.",
                "Statements taken."}},
    };
    return list;
}

const QList<const char *> &investigationNotes()
{
    static const QList<const char *> list = {
        "Strategy meeting with the site manager: investigation plan agreed, daily updates to HR and legal.",
        "All CCTV for the 48 hours before the incident exported and logged in the evidence register.",
        "Police officer in charge confirmed; crime number added to the record.",
        "Insurer notified; loss adjuster to visit next week.",
        "Gate and turnstile logs for the fortnight before extracted and sent to the police.",
        "Interviewed the night shift supervisor; statement on file.",
        "Interviewed the two gate officers on duty; statements on file.",
        "Vehicle movements matched against the yard management system: two movements unaccounted for.",
        "Haulier's transport manager contacted; driver details requested.",
        "Haulier supplied the driver's details and tachograph records.",
        "Police asked for the original recorder; hard drive removed and handed over against a receipt.",
        "Temporary recorder fitted so that recording continues on the affected cameras.",
        "Loss adjuster visited; stock figures reconciled with the warehouse management system.",
        "Finance confirmed the value of the loss; figure updated.",
        "HR placed one employee on suspension pending the investigation.",
        "Police arrested one person; the site is not to contact them.",
        "Union representative informed of the investigation process.",
        "Second interview with the shift supervisor, with HR present.",
        "Access rights of everyone on the shift reviewed; three cards with wrong zones corrected.",
        "Police returned the recorder; evidence copy retained under the retention policy.",
        "Weekly update to the general manager: suspects identified, police file with the prosecutor.",
        "Insurer accepted the claim subject to the excess.",
        "Prosecutor decided to charge; court date to follow.",
        "Disciplinary hearing held; outcome recorded by HR.",
        "Lessons-learned workshop held with the shift teams.",
        "Investigation report drafted and sent to the site manager for review.",
        "Site manager accepted the report and its recommendations.",
        "Recommendations entered as corrective actions.",
        "Final update to the insurer and the police.",
        "Evidence register checked and closed; originals returned or destroyed as agreed.",
        "Briefing on the findings given to all shift teams.",
        "File reviewed by the security manager: ready to resolve.",
    };
    return list;
}

const QList<SourcedAction> &auditActions()
{
    static const QList<SourcedAction> list = {
        {"audit", "Tom Hadley",
            {"Insurer's survey: fit locking caps to all diesel tank fillers",
                "Caps fitted and keys on the key cabinet log.", ""}},
        {"audit", "Lee Whitfield",
            {"Annual audit: audit the key cabinet every month with a signed record",
                "Monthly audits signed for six months.", "Audit not done in two of the first three months."}},
        {"audit", "Dana Okafor",
            {"Annual audit: check the CCTV retention period meets the 31-day policy",
                "Retention confirmed at 31 days on all recorders.", ""}},
        {"review", "Dana Okafor",
            {"Management review: update the site security plan", "Plan updated and issued.", ""}},
        {"other", "Priya Raman",
            {"Fire risk assessment: replace the damaged fire door at the charging room",
                "New door fitted and signed off.", ""}},
        {"audit", "Aisha Karim",
            {"Annual audit: remove leavers from the access control system within 24 hours",
                "Spot check of 20 leavers: all removed within a day.",
                "Seven agency leavers still active after a week."}},
        {"other", "Lee Whitfield",
            {"Insurer's condition: test the intruder alarm signalling path every month",
                "Test logs complete and attached.", ""}},
    };
    return list;
}

const Words &words()
{
    static const Words w {
        {"James", "Oliver", "Amelia", "Olivia", "Mohammed", "Harry", "Isla", "Jack", "Emily", "Noah", "Chloe",
            "George", "Lily", "Jacob", "Jessica", "Daniel", "Sophie", "Adam", "Grace", "Tomasz", "Agnieszka",
            "Andrei", "Ioana", "Priya", "Ravi", "Fatima", "Kofi", "Ama", "Liam", "Megan", "Connor", "Zara",
            "Ewa", "Piotr", "Sean", "Rebecca", "Marek", "Simone", "Luke", "Hannah"},
        {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
            "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
            "Clarke", "Nowak", "Kowalski", "Popescu", "Ionescu", "Khan", "Ahmed", "Singh", "Mensah",
            "Boateng", "Murphy", "Kelly", "Harris", "Lewis", "Baker", "Ward", "Turner", "Hughes", "Edwards",
            "Collins"},
        {"Kwame Asante", "Jordan Pike", "Sofia Marchetti", "Ryan Doyle", "Elif Demir", "Marcus Bell",
            "Hannah Kowalczyk", "Callum Reid", "Nadia Hussain", "Pete Sorensen", "Gary Foulkes",
            "Bogdan Ilie"},
        {"Harbour Freight", "Midshire Haulage", "Kestrel Logistics", "Pennine Express",
            "Brightwater Transport", "Coastline Carriers", "Vantage Parcels", "Oakfield Distribution",
            "Trentside Haulage", "Eurolink Freight"},
        {"Sentinel Alarms", "Apex Electrical", "Keystone Racking", "ClearView Cleaning",
            "Midland Fire Protection", "Northfield Fencing", "CoolTech Refrigeration", "Greenway Grounds"},
        {"televisions", "mobile phones", "perfume", "power tools", "trainers", "vapes", "spirits",
            "games consoles", "laptops", "coffee machines", "razor blades", "headphones"},
        {"curtain-sider", "box trailer", "refrigerated trailer", "Transit van", "7.5 t rigid", "flatbed",
            "Luton van"},
        {"Ford Transit", "Vauxhall Astra", "BMW 3 Series", "VW Golf", "Mercedes Sprinter", "Toyota Hilux",
            "Audi A4", "Ford Focus", "Land Rover Discovery", "Skoda Octavia"},
        {"silver", "white", "black", "dark blue", "grey", "red"},
        {"mobile phone", "wallet", "set of car keys", "hi-vis jacket", "pair of glasses",
            "pair of headphones", "bank card", "lunch bag", "umbrella", "ring", "driving licence",
            "tablet in a blue case"},
        {"the rail siding", "the east boundary by the trailer park",
            "the south-east corner behind the waste compound", "the Harrow Lane frontage",
            "the north boundary by the balancing pond"},
        {"fire exit F3", "fire exit F5", "fire exit F8", "personnel door P2", "personnel door P7"},
        {"dark hoodie", "black puffer jacket", "grey tracksuit", "hi-vis vest", "camouflage jacket",
            "dark clothing"},
        {"Stock count found a further six cartons missing from the same consignment.",
            "Police charged a former agency worker; the insurer asked for the full file.",
            "The same fault came back two weeks after the repair.",
            "New CCTV footage came to light showing a second person involved.",
            "The customer disputed the loss figure; investigation reopened to check it.",
            "Driver complained about how the incident was handled."},
    };
    return w;
}

} // namespace vigil::demotext
