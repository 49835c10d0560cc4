// The posts, companies, courses and names of the training demo (see trainingdemotext.h).
#include "demo/trainingdemotext.h"

namespace vigil::trainingtext {

namespace {

constexpr const char *sia = "SIA Door Supervisor licence";
constexpr const char *cctv = "CCTV operations (public space surveillance)";
constexpr const char *faw = "First aid at work";
constexpr const char *efaw = "Emergency first aid at work";
constexpr const char *fire = "Fire marshal";
constexpr const char *conflict = "Conflict management";
constexpr const char *radio = "Radio and incident reporting";
constexpr const char *search = "Search procedures";
constexpr const char *handling = "Manual handling";
constexpr const char *alarms = "Control room alarm handling";

} // namespace

const QList<PostText> &posts()
{
    static const QList<PostText> list = {
        {"Gate Officer",
            "Gatehouse and main gate: driver and vehicle checks, staff turnstiles, seal checks, visitors out "
            "of hours",
            {sia, efaw, conflict, radio, search}, 30},
        {"Patrol Officer",
            "Foot patrols of the yards, docks, warehouse and perimeter fence; first response to alarms",
            {sia, efaw, conflict, radio, fire, handling}, 32},
        {"Control Room Operator",
            "CCTV, access control and intruder alarm monitoring in the gatehouse control room; radio control",
            {cctv, efaw, radio, alarms}, 8},
        {"Security Supervisor",
            "Runs a shift: briefings, rota cover, incident command until a manager takes over",
            {sia, faw, conflict, radio, search, fire, alarms}, 6},
        {"Reception Officer", "Visitor reception, passes and escorts, post room, switchboard out of hours",
            {efaw, conflict, fire}, 7},
        {"Mobile Response Officer",
            "Patrol vehicle across the logistics park: alarm response, lock and unlock, escorts",
            {sia, faw, conflict, radio, search, handling}, 17},
        {"Security Manager",
            "Responsible for security at the site; owns the security plan and the officers' training",
            {faw, conflict, fire}, 0},
        {"Health and Safety Lead", "Fire risk assessment, first aid cover and safe systems of work",
            {faw, fire, handling}, 0},
        {"Facilities Manager", "Buildings, plant, fences and lighting; contractors on site", {fire, handling},
            0},
        {"Site Manager", "General manager of the distribution centre", {fire}, 0},
        {"Transport Manager", "Carriers, drivers and the yard", {handling}, 0},
    };
    return list;
}

const QList<EmployerText> &employers()
{
    static const QList<EmployerText> list = {
        {"Corvus Security Services Ltd",
            "Steve Marsh, account manager: +44 121 496 0733, ops@corvus-security.example", "CV"},
        {"Midshire Guarding Ltd",
            "Julie Barnes, contract manager: +44 1604 496 118, rota@midshire-guarding.example", "MG"},
    };
    return list;
}

const QList<CourseText> &courses()
{
    static const QList<CourseText> list = {
        {sia, "SIA-approved training centre",
            "Level 2 Award for Door Supervisors in the Private Security Industry and the SIA licence it "
            "leads to; "
            "renewed every three years with the top-up course",
            36, false, Scoring::Percent,
            {"Mark Rowe (Shield Training Academy)", "Joanne Tait (Shield Training Academy)",
                "Imran Qureshi (Pennine Skills Centre)"},
            "Shield Training Academy, Kettering", 300},
        {cctv, "SIA-approved training centre",
            "Level 2 Award for CCTV Operators (Public Space Surveillance) and the SIA licence; renewed every "
            "three years",
            36, false, Scoring::Percent,
            {"Imran Qureshi (Pennine Skills Centre)", "Ruth Ellery (Shield Training Academy)"},
            "Pennine Skills Centre, Northampton", 300},
        {faw, "St John Ambulance",
            "Three-day First Aid at Work certificate: the site's appointed first aiders", 36, false,
            Scoring::PassFail, {"Karen Doherty (St John Ambulance)", "Phil Antrobus (St John Ambulance)"},
            "St John Ambulance training centre, Northampton", 60},
        {efaw, "St John Ambulance", "One-day Emergency First Aid at Work certificate", 36, false,
            Scoring::PassFail, {"Karen Doherty (St John Ambulance)", "Phil Antrobus (St John Ambulance)"},
            "Training room, office block", 60},
        {fire, "Midland Fire Protection",
            "Fire marshal duties: evacuation of the warehouse and offices, roll call, extinguishers; yearly "
            "refresher",
            12, false, Scoring::Percent, {"Dave Kershaw (Midland Fire Protection)", "Priya Raman"},
            "Training room, office block", 0},
        {conflict, "Safer Conflict Training",
            "Recognising and calming aggression at the gate, in reception and in the yard; no physical "
            "intervention",
            24, false, Scoring::Percent, {"Alison Grey (Safer Conflict Training)", "Lee Whitfield"},
            "Training room, office block", 0},
        {"Site induction", "Northgate Distribution Centre",
            "Site rules, emergency procedures, traffic management and security awareness, for everyone on "
            "the site",
            0, true, Scoring::Attended, {"Lee Whitfield", "Callum Reid", "Nadia Hussain", "Priya Raman"},
            "Training room, office block", 0},
        {radio, "Northgate Distribution Centre",
            "Radio procedure and call signs, logging incidents, writing a statement an insurer or court can "
            "use; "
            "yearly refresher",
            12, false, Scoring::PassFail, {"Lee Whitfield", "Callum Reid", "Nadia Hussain"},
            "Gatehouse briefing room", 0},
        {search, "Northgate Distribution Centre",
            "Vehicle, trailer and personal searches under the random searches policy; seal checks on "
            "outbound trailers",
            12, false, Scoring::PassFail, {"Lee Whitfield", "Callum Reid"}, "Gatehouse briefing room", 0},
        {handling, "Northgate Distribution Centre",
            "Safe lifting and handling: e-learning and a practical session", 36, false, Scoring::Attended,
            {"Priya Raman", "Tom Hadley"}, "Training room, office block", 0},
        {"GDPR and data protection", "Northgate Distribution Centre (e-learning)",
            "Data protection for everyone who sees personal data: CCTV images, visitor records, incident "
            "reports",
            12, true, Scoring::Percent, {"E-learning module"}, "Online", 0},
        {alarms, "Sentinel Alarms",
            "Intruder, fire and panic alarm handling, escalation to the alarm receiving centre and "
            "key-holder call-out",
            24, false, Scoring::Percent, {"Gareth Lowe (Sentinel Alarms)", "Lee Whitfield"},
            "Gatehouse control room", 0},
    };
    return list;
}

const QList<NamedOfficer> &namedOfficers()
{
    static const QList<NamedOfficer> list = {
        {"Callum Reid", "Security Supervisor", -1},
        {"Nadia Hussain", "Security Supervisor", -1},
        {"Elif Demir", "Control Room Operator", -1},
        {"Pete Sorensen", "Control Room Operator", -1},
        {"Kwame Asante", "Gate Officer", -1},
        {"Jordan Pike", "Gate Officer", 0},
        {"Sofia Marchetti", "Gate Officer", 0},
        {"Ryan Doyle", "Patrol Officer", -1},
        {"Marcus Bell", "Patrol Officer", 0},
        {"Hannah Kowalczyk", "Patrol Officer", 1},
        {"Gary Foulkes", "Patrol Officer", -1},
        {"Bogdan Ilie", "Mobile Response Officer", 1},
    };
    return list;
}

const QList<const char *> &firstNames()
{
    static const QList<const char *> list = {"Aaron", "Abdul", "Adam", "Adeola", "Agnieszka", "Aidan", "Alan",
        "Alex", "Alice", "Amara", "Amir", "Andrei", "Andrew", "Angela", "Anil", "Anna", "Ashley", "Barry",
        "Ben", "Bethany", "Blessing", "Brian", "Carl", "Carmen", "Chantelle", "Chris", "Claire", "Craig",
        "Curtis", "Damian", "Daniel", "Darren", "Dean", "Deepak", "Dominika", "Donna", "Ebony", "Emeka",
        "Emma", "Faisal", "Femi", "Gavin", "Gemma", "Graham", "Hassan", "Ian", "Ibrahim", "Jack", "Jade",
        "Jakub", "Jamal", "Jason", "Jenna", "Joanne", "Jonathan", "Joseph", "Karen", "Karolina", "Kayleigh",
        "Keith", "Kelly", "Kieran", "Kirsty", "Krzysztof", "Laura", "Leon", "Liam", "Lisa", "Lukasz", "Malik",
        "Marek", "Mariana", "Mark", "Martyna", "Matthew", "Michelle", "Mihai", "Mohamed", "Natalie", "Neil",
        "Nicola", "Obinna", "Paul", "Paulina", "Precious", "Rachel", "Rajesh", "Reece", "Ricky", "Robert",
        "Rukhsana", "Samantha", "Samuel", "Sandeep", "Sarah", "Scott", "Shane", "Simon", "Stacey", "Stephen",
        "Stuart", "Tariq", "Tendai", "Tracey", "Tyrone", "Vasile", "Wayne", "Wojciech", "Yusuf", "Zoe"};
    return list;
}

const QList<const char *> &lastNames()
{
    static const QList<const char *> list = {"Abbott", "Adeyemi", "Ali", "Allen", "Anderson", "Atkinson",
        "Bailey", "Barker", "Begum", "Bennett", "Bhatti", "Brooks", "Burns", "Butler", "Campbell", "Carter",
        "Chambers", "Chaudhry", "Clarke", "Coleman", "Cooper", "Cox", "Cunningham", "Dawson", "Dixon",
        "Dobson", "Dunn", "Ellis", "Farrell", "Fisher", "Fletcher", "Foster", "Gill", "Gordon", "Graham",
        "Grant", "Gray", "Hamilton", "Harper", "Hart", "Hayes", "Holmes", "Hunt", "Hussain", "Iqbal", "James",
        "Jenkins", "Johnston", "Kaur", "Kennedy", "Knight", "Kowalska", "Lawrence", "Lee", "Lloyd", "Mahmood",
        "Marshall", "Mason", "Matthews", "McDonald", "Mills", "Mitchell", "Moore", "Morgan", "Morris",
        "Murray", "Nwosu", "Okoro", "Oliver", "Osei", "Owen", "Palmer", "Parker", "Pearson", "Phillips",
        "Powell", "Rahman", "Reynolds", "Richards", "Riley", "Rogers", "Rose", "Russell", "Sanders",
        "Saunders", "Scott", "Shah", "Shaw", "Simpson", "Stevens", "Stewart", "Sutton", "Szymanski", "Thomas",
        "Tomescu", "Walsh", "Watson", "Webb", "Wells", "West", "Wilkinson", "Wisniewski", "Young"};
    return list;
}

const QList<const char *> &failedNotes()
{
    static const QList<const char *> list = {
        "Did not reach the pass mark; retake booked.",
        "Failed the practical assessment. Supervisor to arrange a second attempt.",
        "Left the course early (sickness); to be rebooked.",
        "Written paper below the pass mark; feedback given by the trainer.",
    };
    return list;
}

const QList<const char *> &renewalNotes()
{
    static const QList<const char *> list = {
        "Refresher done early to line up with the shift rota.",
        "Certificate seen and copied by the supervisor.",
        "Booked by the contractor; evidence sent to the security manager.",
        "Renewed late: licence lapsed for a few weeks and the officer was kept off the gate meanwhile.",
        "Done on a rest day; overtime paid.",
    };
    return list;
}

const QList<const char *> &cancelledReasons()
{
    static const QList<const char *> list = {
        "Trainer ill; attendees moved to the next date.",
        "Cancelled: the training room was needed for the insurer's audit.",
    };
    return list;
}

} // namespace vigil::trainingtext
