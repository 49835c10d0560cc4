// Demo training for Northgate Distribution Centre: six security posts beside the managers' posts
// of the risk demo, two contractor companies, twelve courses and the post x course grid; 60 people
// (small: the eight managers, the officers who sign the incident demo's reports, a few leavers and
// two starters due next week) or 2,000 over ten years, most of them long gone (decade); their
// training from the day they started, renewed as it runs out (mostly a little early, now and then
// late), with failed attempts, trainers, marks and notes; courses given as sessions, planned
// sessions in the coming weeks for people whose training runs out, and a few certificates.
//
// Each person's standing on the demo's today is chosen first (most valid, some running out within
// 30, 60 or 90 days, some expired, a few never done) and their history is planned backwards from
// it, so every seed shows the same kind of matrix. Everything is then written in time order through
// the repositories with the clock set to each moment, as the site would have entered it.
#include <algorithm>
#include <tuple>

#include <QCoreApplication>
#include <QImage>
#include <QLocale>
#include <QMap>
#include <QPainter>
#include <QSet>

#include "base/clock.h"
#include "base/error.h"
#include "base/images.h"
#include "demo/democontext.h"
#include "demo/trainingdemotext.h"
#include "people/person.h"
#include "storage/database.h"
#include "training/trainingrepository.h"

namespace vigil {
namespace {

using namespace trainingtext;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::TrainingDemo)
};

constexpr qint64 minute = 60 * 1000;

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

qint64 msecs(const QDate &date, int hourOfDay, int minuteOfHour)
{
    return QDateTime(date, QTime(hourOfDay, minuteOfHour), Qt::UTC).toMSecsSinceEpoch();
}

// What a certificate says.
struct CertificateText
{
    QString person;
    QString course;
    QString provider;
    QString trainer;
    QDate completed;
    QDate expires; // invalid: no expiry
};

QString longDate(const QDate &date)
{
    return QLocale::c().toString(date, QStringLiteral("d MMMM yyyy"));
}

// A one-page PDF written out by hand (the standard Helvetica fonts need no embedding), so the
// bytes depend on nothing but the text: QPdfWriter would stamp the time it was made.
QByteArray certificatePdf(const CertificateText &c)
{
    auto escaped = [](const QString &text) {
        QByteArray bytes = text.toLatin1();
        bytes.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        return bytes;
    };
    struct Line
    {
        const char *font;
        int size;
        int y;
        QByteArray text;
    };
    const QList<Line> lines = {
        {"F2", 30, 470, "Certificate of Achievement"},
        {"F1", 14, 420, "This is to certify that"},
        {"F2", 24, 385, escaped(c.person)},
        {"F1", 14, 345, "has successfully completed"},
        {"F2", 20, 310, escaped(c.course)},
        {"F1", 14, 270, "on " + escaped(longDate(c.completed))},
        {"F1", 12, 240,
            c.expires.isValid() ? "Valid until " + escaped(longDate(c.expires))
                                : QByteArray("This certificate does not expire")},
        {"F1", 12, 150, "Trainer: " + escaped(c.trainer)},
        {"F1", 12, 130, escaped(c.provider)},
    };
    QByteArray content = "0.12 0.31 0.47 RG 4 w 30 30 782 535 re S 1 w 40 40 762 515 re S\n";
    for (const Line &line : lines) {
        // Centred by an estimate of Helvetica's average width (half the size per character).
        const int x = std::max(50, int(421 - line.text.size() * line.size * 0.26));
        content += QByteArray("BT /") + line.font + ' ' + QByteArray::number(line.size) + " Tf "
            + QByteArray::number(x) + ' ' + QByteArray::number(line.y) + " Td (" + line.text + ") Tj ET\n";
    }
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

// A photographed certificate, as an officer hands in on a phone.
QByteArray certificatePng(const CertificateText &c)
{
    QImage image(1000, 700, QImage::Format_RGB32);
    image.fill(QColor(236, 233, 226));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRect(40, 30, 920, 640), QColor(252, 251, 247));
        p.setPen(QPen(QColor(0x1f, 0x4e, 0x79), 8));
        p.drawRect(QRect(60, 50, 880, 600));
        p.setPen(QPen(QColor(0x4f, 0x9d, 0xd9), 2));
        p.drawRect(QRect(76, 66, 848, 568));
        auto text = [&p](int y, int size, bool bold, const QString &line) {
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(size);
            font.setBold(bold);
            p.setFont(font);
            p.setPen(QColor(30, 30, 30));
            p.drawText(QRect(90, y, 820, size * 2), Qt::AlignHCenter | Qt::AlignVCenter, line);
        };
        text(100, 40, true, QStringLiteral("Certificate of Achievement"));
        text(185, 22, false, QStringLiteral("This is to certify that"));
        text(235, 38, true, c.person);
        text(310, 22, false, QStringLiteral("has successfully completed the"));
        text(355, 30, true, c.course);
        text(420, 22, false, QStringLiteral("on %1").arg(longDate(c.completed)));
        if (c.expires.isValid())
            text(460, 20, false, QStringLiteral("Valid until %1").arg(longDate(c.expires)));
        text(540, 18, false, c.trainer);
        text(575, 18, false, c.provider);
    }
    return toPng(image);
}

// Where a person stands in a course on the demo's today (or, for a leaver, the day they left).
enum class Target : quint8 { None, Valid, Expiring30, Expiring60, Expiring90, Expired, Missing };

struct PersonPlan
{
    Person person;
    int post = -1; // index into posts()
    int employer = -1; // index into employers(); -1: own staff
    QDate created; // entered in Vigil (the demo's start for those already there)
    qint64 createdAt = 0;
    bool existing = false;
    QList<Target> targets; // per course
};

struct RecordPlan
{
    int person = 0;
    int course = 0;
    QDate completed;
    TrainingResult result = TrainingResult::Passed;
    std::optional<double> score;
    QString trainer;
    QString notes;
    QDate expiresByHand;
    int session = -1; // recorded by completing this session
    int certificate = 0; // 1: a PNG certificate, 2: a PDF one
    qint64 id = 0;
};

struct SessionPlan
{
    enum class Kind : quint8 { Done, Planned, Cancelled };
    int course = 0;
    QDate heldOn;
    QDate created;
    QString trainer;
    QString notes;
    Kind kind = Kind::Done;
    QList<int> attendees; // person indexes
    qint64 createdAt = 0; // when it was entered, if not in office hours of `created`
    qint64 id = 0;
};

enum class Step : quint8 { Person, Leave, Record, CreateSession, CompleteSession, CancelSession };

struct Event
{
    qint64 at = 0;
    int order = 0;
    Step step = Step::Record;
    int index = 0;
};

class Generator
{
public:
    explicit Generator(DemoContext &context)
        : m_context(context)
        , m_random(context.random)
        , m_training(context.db)
        , m_today(context.options.today)
        , m_start(context.startDate())
    {
    }

    void run()
    {
        writeCatalogues();
        if (m_context.decade())
            planDecadePeople();
        else
            planSmallPeople();
        numberPeople();
        for (const PersonPlan &p : m_people)
            m_started.insert(p.person.name, p.person.startDate);
        planPastSessions();
        for (int p = 0; p < int(m_people.size()); ++p)
            drawTargets(p);
        if (!m_context.decade())
            stageTargets();
        for (int p = 0; p < int(m_people.size()); ++p)
            planPerson(p);
        planFutureSessions();
        planCertificates();
        planEvents();
        for (const Event &event : std::as_const(m_events))
            perform(event);
        m_context.db.setActor(QStringLiteral("demo"));
    }

private:
    void writeCatalogues();
    void planSmallPeople();
    void planDecadePeople();
    void addManagersAndOfficers(qint64 latest, qint64 earliest);
    static int postNamed(const char *name);
    static int courseNamed(const char *name);
    void addPerson(const QString &name, int post, int employer, const QDate &start, const QDate &left);
    QString newName();
    void numberPeople();
    void planPastSessions();
    void drawTargets(int p);
    void stageTargets();
    void planPerson(int p);
    Target drawTarget(bool leaver);
    void planCell(int p, int c, const QDate &end, Target target, bool mayJoinSession);
    void addRecord(int p, int c, const QDate &completed, bool renewal, bool latest);
    void planFutureSessions();
    void planCertificates();
    void planEvents();
    void addEvent(qint64 at, Step step, int index) { m_events.push_back({at, ++m_order, step, index}); }
    qint64 officeTime(const QDate &date)
    {
        return msecs(date, int(m_random.between(8, 16)), int(m_random.between(0, 59)));
    }
    void perform(const Event &event);
    void createPerson(PersonPlan &plan);
    void createRecord(RecordPlan &plan);
    void attachCertificate(const RecordPlan &plan);
    QDate workday(const QDate &date) const;
    QList<int> required(int post) const;
    const CourseText &course(int c) const { return courses().at(c); }
    QString trainerFor(int c, const QString &person, const QDate &on);

    DemoContext &m_context;
    DemoRandom &m_random;
    TrainingRepository m_training;
    const QDate m_today;
    const QDate m_start;
    QList<qint64> m_postIds;
    QList<qint64> m_employerIds;
    QList<qint64> m_courseIds;
    std::vector<PersonPlan> m_people;
    QSet<QString> m_names;
    QSet<QString> m_phones;
    QHash<QString, QDate> m_started; // by name
    std::vector<RecordPlan> m_records;
    std::vector<SessionPlan> m_sessions;
    std::vector<Event> m_events;
    int m_order = 0;
};

void Generator::writeCatalogues()
{
    m_context.setNow(m_start, QTime(9, 50));
    m_context.db.setActor(QStringLiteral("Dana Okafor"));
    EmployerRepository employerRepository(m_context.db);
    for (const EmployerText &e : employers()) {
        Employer employer;
        employer.name = latin1(e.name);
        employer.contact = latin1(e.contact);
        m_employerIds.append(employerRepository.save(employer));
    }
    CourseRepository courseRepository(m_context.db);
    for (const CourseText &c : courses()) {
        Course course;
        course.name = latin1(c.name);
        course.provider = latin1(c.provider);
        course.description = latin1(c.description);
        if (c.validityMonths > 0)
            course.validityMonths = c.validityMonths;
        course.mandatory = c.mandatory;
        m_courseIds.append(courseRepository.save(course));
    }
    // The managers' posts come from the risk demo; they gain a description and requirements.
    PostRepository postRepository(m_context.db);
    for (const PostText &p : posts()) {
        Post post = postRepository.findByName(latin1(p.name)).value_or(Post {});
        post.name = latin1(p.name);
        post.description = latin1(p.description);
        m_postIds.append(postRepository.save(post));
        QList<qint64> needed;
        for (const char *name : p.courses)
            needed.append(m_courseIds.at(courseNamed(name)));
        m_training.setRequiredCourses(m_postIds.last(), needed);
    }
}

// The managers of the risk demo (already in the file; their posts are among posts()) and the
// officers named in the incident reports, who started between `earliest` and `latest` days
// before the demo's start.
void Generator::addManagersAndOfficers(qint64 latest, qint64 earliest)
{
    QHash<qint64, int> postIndex;
    for (int i = 0; i < m_postIds.size(); ++i)
        postIndex.insert(m_postIds.at(i), i);
    for (const Person &person : PeopleRepository(m_context.db).list()) {
        PersonPlan plan;
        plan.person = person;
        plan.post = postIndex.value(person.postId, -1);
        plan.created = m_start;
        plan.existing = true;
        m_names.insert(person.name);
        m_people.push_back(plan);
    }
    for (const NamedOfficer &o : namedOfficers())
        addPerson(latin1(o.name), postNamed(o.post), o.employer,
            m_start.addDays(-m_random.between(latest, earliest)), {});
}

int Generator::postNamed(const char *name)
{
    for (int i = 0; i < posts().size(); ++i) {
        if (qstrcmp(posts().at(i).name, name) == 0)
            return i;
    }
    throw Error(QStringLiteral("no demo post %1").arg(latin1(name)));
}

int Generator::courseNamed(const char *name)
{
    for (int c = 0; c < courses().size(); ++c) {
        if (qstrcmp(courses().at(c).name, name) == 0)
            return c;
    }
    throw Error(QStringLiteral("no demo course %1").arg(latin1(name)));
}

// Sixty people: the managers, the named officers, 35 more officers (three of them new, two
// starting next week) and five who have left.
void Generator::planSmallPeople()
{
    addManagersAndOfficers(120, 2400);
    // Who else stands each post, and for whom (-1: own staff, 0: Corvus, 1: Midshire).
    struct Crew
    {
        const char *post;
        QList<int> employers;
    };
    const Crew crews[] = {
        {"Security Supervisor", {-1, -1}},
        {"Control Room Operator", {-1, -1, -1}},
        {"Gate Officer", {-1, -1, -1, 0, 0, 0, 0, 0, 0, 0}},
        {"Patrol Officer", {-1, -1, -1, -1, 0, 0, 0, 0, 1}},
        {"Mobile Response Officer", {1, 1, 1, 1, 1}},
        {"Reception Officer", {-1, -1, -1, -1, -1, -1}},
    };
    // Three recent starters and two who start in the coming weeks, spread over the posts.
    int n = 0;
    for (const Crew &crew : crews) {
        for (int employer : crew.employers) {
            QDate start;
            if (n == 5 || n == 16 || n == 27)
                start = m_today.addDays(-m_random.between(12, 80));
            else if (n == 12 || n == 31)
                start = workday(m_today.addDays(m_random.between(5, 14)));
            else if (m_random.chance(0.3))
                start = m_start.addDays(m_random.between(20, m_start.daysTo(m_today) - 120));
            else
                start = m_start.addDays(-m_random.between(30, 1800));
            addPerson(newName(), postNamed(crew.post), employer, start, {});
            ++n;
        }
    }
    // Leavers: a gate officer and a patrol officer of Corvus, a control room operator, a
    // mobile response officer of Midshire, a gate officer of the site's own.
    const std::pair<const char *, int> leavers[] = {{"Gate Officer", 0}, {"Patrol Officer", 0},
        {"Control Room Operator", -1}, {"Mobile Response Officer", 1}, {"Gate Officer", -1}};
    for (const auto &[name, employer] : leavers) {
        const QDate start = m_start.addDays(-m_random.between(60, 1500));
        const QDate left = m_start.addDays(m_random.between(30, m_start.daysTo(m_today) - 20));
        addPerson(newName(), postNamed(name), employer, start, left);
    }
}

// Two thousand people over ten years: the managers and the named officers, who have been there
// all along, and about 700 posts of officers, each filled again within weeks when its holder
// leaves (a quarter stay months, two in five a few years, the rest much longer).
void Generator::planDecadePeople()
{
    addManagersAndOfficers(200, 1500);
    QList<double> weights;
    for (int i = 0; i < securityPosts; ++i)
        weights.append(posts().at(i).weight);
    auto employerFor = [this](int p) {
        const double e = m_random.unit();
        if (p == 0 || p == 1) // gate and patrol: half from the contractors
            return e < 0.35 ? 0 : e < 0.5 ? 1 : -1;
        if (p == 5) // mobile response: Midshire's vans
            return e < 0.85 ? 1 : -1;
        return -1;
    };
    auto tenure = [this] {
        const double t = m_random.unit();
        return t < 0.25 ? m_random.between(45, 400)
            : t < 0.65  ? m_random.between(400, 2200)
                        : m_random.between(2200, 6000);
    };
    const int total = 2000;
    const int starters = 6; // due in the coming weeks
    // Who holds each post when the site starts using Vigil, and when they leave; a leaver's post
    // is filled again within weeks, through to today.
    struct Stay
    {
        int post = 0;
        int employer = -1;
        QDate start;
        QDate left; // invalid: still here
    };
    std::vector<Stay> stays;
    using Leaving = std::tuple<QDate, int, int>; // left on, post, employer
    std::vector<Leaving> leaving;
    auto fill = [&](int p, int employer, const QDate &start, qint64 days) {
        const QDate left = start.addDays(days);
        stays.push_back({p, employer, start, left < m_today ? left : QDate()});
        if (left < m_today)
            leaving.push_back({left, p, employer});
    };
    for (int slot = 0; slot < 760; ++slot) {
        const int p = int(m_random.weighted(weights));
        // Those still there after `age` days are those whose stay is longer: drawn together.
        qint64 age = 0, stay = 0;
        do {
            age = m_random.between(10, 3300);
            stay = tenure();
        } while (stay <= age + 40);
        fill(p, employerFor(p), m_start.addDays(-age), stay);
    }
    const size_t first = stays.size();
    while (!leaving.empty()) {
        const auto next = std::min_element(leaving.begin(), leaving.end());
        const auto [left, p, employer] = *next;
        leaving.erase(next);
        const QDate start = left.addDays(m_random.between(0, 30));
        if (start < m_today.addDays(-1))
            fill(p, m_random.chance(0.8) ? employer : employerFor(p), start, tenure());
    }
    // More than the site's two thousand: some posts stayed empty for a while instead (any
    // time, not all at the end). Fewer: the site took on more people in the last two years.
    const int room = total - starters - int(m_people.size());
    while (int(stays.size()) > room)
        stays.erase(stays.begin() + qint64(m_random.between(qint64(first), qint64(stays.size()) - 1)));
    while (int(stays.size()) < room) {
        const int p = int(m_random.weighted(weights));
        fill(p, employerFor(p), m_today.addDays(-m_random.between(20, 700)), tenure());
    }
    for (int i = 0; i < starters; ++i) {
        const int p = int(m_random.weighted(weights));
        fill(p, employerFor(p), workday(m_today.addDays(m_random.between(3, 25))), 9999);
    }
    for (const Stay &stay : stays)
        addPerson(newName(), stay.post, stay.employer, stay.start, stay.left);
}

void Generator::addPerson(const QString &name, int post, int employer, const QDate &start, const QDate &left)
{
    PersonPlan plan;
    plan.person.name = name;
    plan.person.postId = m_postIds.at(post);
    plan.person.employerId = employer >= 0 ? m_employerIds.at(employer) : 0;
    plan.person.startDate = start;
    plan.person.leftOn = left;
    plan.post = post;
    plan.employer = employer;
    // Entered a few days before they start (those already there: when the site started using Vigil).
    plan.created = std::max(m_start.addDays(m_random.between(0, m_context.decade() ? 30 : 3)),
        start.addDays(-m_random.between(2, 12)));
    if (plan.created >= m_today)
        plan.created = m_today.addDays(-1);
    if (left.isValid() && left <= plan.created.addDays(7)) { // not before being entered
        const QDate later = plan.created.addDays(m_random.between(8, 60));
        plan.person.leftOn = later < m_today ? later : QDate();
    }
    if (employer < 0 && (post >= 2 || m_random.chance(0.2))) {
        QString address = name.toLower();
        address.replace(u' ', u'.').remove(u'\'');
        plan.person.email = address + QStringLiteral("@northgate-dc.example");
    }
    // Mobile numbers from the range kept for drama, each given once.
    if (m_random.chance(0.6)) {
        const QString phone
            = QStringLiteral("+44 7700 900%1").arg(m_random.between(0, 999), 3, 10, QLatin1Char('0'));
        if (!m_phones.contains(phone)) {
            m_phones.insert(phone);
            plan.person.phone = phone;
        }
    }
    m_names.insert(name);
    m_people.push_back(plan);
}

QString Generator::newName()
{
    for (;;) {
        const QString name = latin1(m_random.pick(firstNames())) + u' ' + latin1(m_random.pick(lastNames()));
        if (!m_names.contains(name))
            return name;
    }
}

// Staff numbers in the order people joined: NG for the site's own, the companies' own prefixes.
void Generator::numberPeople()
{
    std::vector<int> order(m_people.size());
    for (int i = 0; i < int(order.size()); ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_people[size_t(a)].person.startDate < m_people[size_t(b)].person.startDate;
    });
    int own = 0;
    for (const PersonPlan &p : m_people)
        own += p.existing ? 1 : 0;
    QList<int> next = {10231, 2040};
    for (int i : order) {
        PersonPlan &p = m_people[size_t(i)];
        if (p.existing)
            continue;
        if (p.employer < 0) {
            p.person.staffNumber = QStringLiteral("NG%1").arg(++own, 4, 10, QLatin1Char('0'));
        } else {
            next[p.employer] += int(m_random.between(1, 9));
            p.person.staffNumber
                = latin1(employers().at(p.employer).staffPrefix) + QString::number(next.at(p.employer));
        }
    }
}

QList<int> Generator::required(int post) const
{
    QList<int> list;
    for (int c = 0; c < courses().size(); ++c) {
        bool needed = course(c).mandatory;
        if (post >= 0) {
            for (const char *name : posts().at(post).courses)
                needed |= qstrcmp(name, course(c).name) == 0;
        }
        if (needed)
            list.append(c);
    }
    return list;
}

QDate Generator::workday(const QDate &date) const
{
    if (date.dayOfWeek() == 6)
        return date.addDays(-1);
    if (date.dayOfWeek() == 7)
        return date.addDays(date.addDays(1) < m_today || date >= m_today ? 1 : -2);
    return date;
}

// Courses given to a group on one day, marked done in Vigil with everyone's records at once:
// on the small site a fire marshal refresher, conflict management and emergency first aid in
// the last months; on the busy one, those and search procedures every eight weeks or so.
void Generator::planPastSessions()
{
    auto add = [&](int c, const QDate &day) {
        SessionPlan s;
        s.course = c;
        s.heldOn = workday(day);
        s.created = s.heldOn.addDays(-m_random.between(20, 40));
        s.trainer = trainerFor(c, {}, s.heldOn);
        m_sessions.push_back(s);
    };
    if (!m_context.decade()) {
        add(courseNamed("Fire marshal"), m_today.addDays(-m_random.between(35, 50)));
        add(courseNamed("Conflict management"), m_today.addDays(-m_random.between(110, 140)));
        add(courseNamed("Emergency first aid at work"), m_today.addDays(-m_random.between(190, 230)));
    } else {
        for (const char *name :
            {"Fire marshal", "Conflict management", "Emergency first aid at work", "Search procedures"}) {
            for (QDate day = m_today.addDays(-1095 + m_random.between(0, 30)); day < m_today.addDays(-10);
                 day = day.addDays(m_random.between(45, 70)))
                add(courseNamed(name), day);
        }
    }
    // A session called off, its people moved to a later date.
    const int cancelled = m_context.decade() ? 8 : 1;
    for (int i = 0; i < cancelled; ++i) {
        SessionPlan s;
        s.course = courseNamed("Radio and incident reporting");
        s.heldOn = workday(m_today.addDays(-m_random.between(60, m_context.decade() ? 3000 : 300)));
        s.created = s.heldOn.addDays(-m_random.between(20, 40));
        s.trainer = trainerFor(s.course, {}, s.heldOn);
        s.kind = SessionPlan::Kind::Cancelled;
        s.notes = latin1(m_random.pick(cancelledReasons()));
        m_sessions.push_back(s);
    }
}

Target Generator::drawTarget(bool leaver)
{
    if (leaver) {
        const double r = m_random.unit();
        return r < 0.86 ? Target::Valid : r < 0.96 ? Target::Expired : Target::Missing;
    }
    static const QList<double> weights {0.86, 0.04, 0.03, 0.03, 0.025, 0.015};
    static const Target targets[] = {Target::Valid, Target::Expiring30, Target::Expiring60,
        Target::Expiring90, Target::Expired, Target::Missing};
    return targets[m_random.weighted(weights)];
}

// Where each person still here stands today in each course their post needs.
void Generator::drawTargets(int p)
{
    PersonPlan &person = m_people[size_t(p)];
    person.targets = QList<Target>(courses().size(), Target::None);
    if (person.person.leftOn.isValid())
        return;
    const QDate start = person.person.startDate;
    const bool newcomer = start > m_today.addDays(-120);
    for (int c : required(person.post)) {
        Target target = drawTarget(false);
        if (newcomer) {
            // Licences come with them; the rest is done in the first weeks, induction first.
            if (course(c).before > 0 || course(c).validityMonths == 0)
                target = Target::Valid;
            else
                target
                    = start.addDays(20) < m_today && m_random.chance(0.6) ? Target::Valid : Target::Missing;
        } else if (course(c).validityMonths == 0) {
            target = Target::Valid; // the induction is never missed for long
        }
        person.targets[c] = target;
    }
}

// A small site left to chance might show no lapsed certificate at all: a few more of each kind,
// taken from people who have been there long enough for it.
void Generator::stageTargets()
{
    const std::pair<Target, int> floors[] = {{Target::Expiring30, 8}, {Target::Expiring60, 4},
        {Target::Expiring90, 4}, {Target::Expired, 8}, {Target::Missing, 4}};
    for (const auto &[target, floor] : floors) {
        QList<std::pair<int, int>> candidates; // person, course
        int found = 0;
        for (int p = 0; p < int(m_people.size()); ++p) {
            const PersonPlan &person = m_people[size_t(p)];
            for (int c = 0; c < person.targets.size(); ++c) {
                found += person.targets.at(c) == target ? 1 : 0;
                const int months = course(c).validityMonths;
                if (person.targets.at(c) == Target::Valid && months > 0
                    && person.person.startDate.addMonths(months).addDays(200) < m_today)
                    candidates.append({p, c});
            }
        }
        for (; found < floor && !candidates.isEmpty(); ++found) {
            const auto [p, c] = candidates.takeAt(m_random.between(0, candidates.size() - 1));
            m_people[size_t(p)].targets[c] = target;
        }
    }
}

void Generator::planPerson(int p)
{
    PersonPlan &person = m_people[size_t(p)];
    const QDate start = person.person.startDate;
    const bool leaver = person.person.leftOn.isValid();
    const QDate end = leaver ? person.person.leftOn : m_today;
    const bool newcomer = !leaver && start > m_today.addDays(-120);
    for (int c : required(person.post))
        planCell(p, c, end, leaver ? drawTarget(true) : person.targets.at(c), !leaver && !newcomer);
    // Often a course or two the post does not need (a first aider at the gate, a licence kept
    // up, a fire marshal in the control room), kept up or left to run out.
    QList<int> extra;
    for (double chance : {0.5, 0.25}) {
        const int c = int(m_random.between(0, courses().size() - 1));
        if (m_random.chance(chance) && !required(person.post).contains(c) && !extra.contains(c)) {
            extra.append(c);
            planCell(p, c, end, m_random.chance(0.7) ? Target::Valid : Target::Expired, false);
        }
    }
}

// The records behind one person's standing in one course on `end`: the last completion chosen
// to give the target, the ones before it stepping back one validity at a time (renewed a little
// early, sometimes late) to the day the person started.
void Generator::planCell(int p, int c, const QDate &end, Target target, bool mayJoinSession)
{
    const PersonPlan &person = m_people[size_t(p)];
    const CourseText &k = course(c);
    const QDate start = person.person.startDate;
    const QDate earliest = start.addDays(-k.before);
    const QDate last = end.addDays(-1);
    const int months = k.validityMonths;
    if (earliest > last)
        return; // not started yet, nothing done before
    if (target == Target::Missing) {
        // Sometimes an attempt that failed, not long ago.
        if (k.scoring != Scoring::Attended && m_random.chance(0.4)) {
            const QDate when = workday(end.addDays(-m_random.between(5, 80)));
            if (when >= earliest && when <= last) {
                RecordPlan r;
                r.person = p;
                r.course = c;
                r.completed = when;
                r.result = TrainingResult::Failed;
                if (k.scoring == Scoring::Percent)
                    r.score = double(m_random.between(38, 68));
                r.trainer = trainerFor(c, person.person.name, when);
                r.notes = latin1(m_random.pick(failedNotes()));
                m_records.push_back(r);
            }
        }
        return;
    }
    QDate completed;
    bool inSession = false;
    if (months == 0) {
        completed = start > m_start ? start : start.addDays(m_random.between(0, 3));
        completed = std::min(completed, last);
    } else {
        QDate expiry;
        switch (target) {
        case Target::Expiring30:
            expiry = end.addDays(m_random.between(0, 30));
            break;
        case Target::Expiring60:
            expiry = end.addDays(m_random.between(31, 60));
            break;
        case Target::Expiring90:
            expiry = end.addDays(m_random.between(61, 90));
            break;
        case Target::Expired:
            expiry = end.addDays(-m_random.between(1, 150));
            break;
        default:
            break;
        }
        if (expiry.isValid())
            completed = expiry.addMonths(-months);
        if (!completed.isValid() || completed < earliest) {
            // Valid (or what cannot be otherwise for someone who started recently).
            QDate low = std::max(earliest, end.addMonths(-months).addDays(91));
            if (start > m_today.addDays(-120) && k.before == 0)
                low = std::max(low, start.addDays(3));
            if (low > last)
                low = std::max(earliest, std::min(last, start.addDays(3)));
            completed = low.addDays(m_random.between(0, std::max<qint64>(0, low.daysTo(last))));
            // Given at one of the sessions of the course then, if the person was on the books
            // when it was planned: on the busy site the one nearest, on the small one any.
            if (mayJoinSession && target == Target::Valid) {
                QList<int> fitting;
                for (int s = 0; s < int(m_sessions.size()); ++s) {
                    const SessionPlan &session = m_sessions[size_t(s)];
                    if (session.kind == SessionPlan::Kind::Done && session.course == c
                        && session.heldOn >= low && session.heldOn <= last && person.created < session.created
                        && session.attendees.size() < 16
                        && (!m_context.decade() || qAbs(session.heldOn.daysTo(completed)) <= 30))
                        fitting.append(s);
                }
                if (!fitting.isEmpty() && m_random.chance(m_context.decade() ? 0.7 : 0.4)) {
                    const int s = m_random.pick(fitting);
                    SessionPlan &session = m_sessions[size_t(s)];
                    session.attendees.append(p);
                    RecordPlan r;
                    r.person = p;
                    r.course = c;
                    r.completed = session.heldOn;
                    r.result
                        = k.scoring == Scoring::Attended ? TrainingResult::Attended : TrainingResult::Passed;
                    r.session = s;
                    if (k.scoring == Scoring::Percent)
                        r.score = double(m_random.between(70, 100));
                    r.trainer = session.trainer;
                    m_records.push_back(r);
                    completed = session.heldOn;
                    inSession = true;
                }
            }
        }
    }
    QList<QDate> dates {completed};
    if (months > 0) {
        QDate current = completed;
        for (;;) {
            const qint64 lead = m_random.chance(0.85) ? m_random.between(0, 45) : -m_random.between(1, 100);
            const QDate previous = workday(current.addDays(lead).addMonths(-months));
            if (previous < earliest || previous >= current.addDays(-20))
                break;
            dates.prepend(previous);
            current = previous;
        }
        // Done within weeks of starting, not a validity later.
        if (dates.first() > start.addDays(180) && start.addDays(10) >= earliest)
            dates.prepend(workday(start.addDays(m_random.between(3, 40))));
    }
    for (int i = 0; i < dates.size(); ++i) {
        if (i == dates.size() - 1 && inSession)
            break;
        // On a weekday, unless that would be before they started (the induction is on the first day).
        const QDate day = workday(dates.at(i));
        addRecord(p, c, std::min(day < earliest ? dates.at(i) : day, last), i > 0, i == dates.size() - 1);
    }
}

void Generator::addRecord(int p, int c, const QDate &completed, bool renewal, bool latest)
{
    const CourseText &k = course(c);
    const PersonPlan &person = m_people[size_t(p)];
    const QDate earliest = person.person.startDate.addDays(-k.before);
    // Now and then a first attempt that failed, a few weeks before.
    if (k.scoring != Scoring::Attended && m_random.chance(0.04)) {
        const QDate failedOn = workday(completed.addDays(-m_random.between(7, 28)));
        if (failedOn >= earliest) {
            RecordPlan r;
            r.person = p;
            r.course = c;
            r.completed = failedOn;
            r.result = TrainingResult::Failed;
            if (k.scoring == Scoring::Percent)
                r.score = double(m_random.between(38, 68));
            r.trainer = trainerFor(c, person.person.name, failedOn);
            r.notes = latin1(m_random.pick(failedNotes()));
            m_records.push_back(r);
        }
    }
    RecordPlan r;
    r.person = p;
    r.course = c;
    r.completed = completed;
    r.result = k.scoring == Scoring::Attended ? TrainingResult::Attended : TrainingResult::Passed;
    if (k.scoring == Scoring::Percent)
        r.score = m_random.chance(0.1) ? 70 + 2.5 * double(m_random.between(0, 12))
                                       : double(m_random.between(70, 100));
    r.trainer = trainerFor(c, person.person.name, completed);
    if (k.before > 0 && m_random.chance(0.5)) {
        r.notes = QStringLiteral("SIA licence number 1015 %1 %2 %3")
                      .arg(m_random.between(1000, 9999))
                      .arg(m_random.between(1000, 9999))
                      .arg(m_random.between(1000, 9999));
        // Now and then the licence itself runs out a little before the course would; its date
        // was typed in. (Not on the latest record: that one decides where the person stands.)
        if (!latest && m_random.chance(0.2)) {
            r.expiresByHand = expiryFor(completed, k.validityMonths).addDays(-m_random.between(1, 20));
            r.notes += QStringLiteral("; expiry as printed on the licence");
        }
    } else if (renewal && m_random.chance(0.03))
        r.notes = latin1(m_random.pick(renewalNotes()));
    m_records.push_back(r);
}

// One of the course's trainers: never the person themselves, and for in-house courses somebody
// who worked at the site by then (else the provider).
QString Generator::trainerFor(int c, const QString &person, const QDate &on)
{
    QStringList trainers;
    for (const char *name : course(c).trainers) {
        const QString trainer = latin1(name);
        const auto started = m_started.constFind(trainer);
        if (trainer != person && (started == m_started.cend() || *started <= on))
            trainers.append(trainer);
    }
    return trainers.isEmpty() ? latin1(course(c).provider) : m_random.pick(trainers);
}

// Sessions in the coming weeks for the courses most people are short of: about two in three of
// those running out or out of date are booked; the starters are booked on their induction.
void Generator::planFutureSessions()
{
    const int capacity = m_context.decade() ? 12 : 10;
    for (int c = 0; c < courses().size(); ++c) {
        if (course(c).validityMonths == 0 || qstrcmp(course(c).location, "Online") == 0)
            continue; // the induction is given on the first day; e-learning is done at a desk
        // The most urgent first: out of date or never done, then by how soon it runs out.
        QList<std::pair<int, int>> candidates; // urgency, person
        for (int p = 0; p < int(m_people.size()); ++p) {
            const PersonPlan &person = m_people[size_t(p)];
            if (person.person.leftOn.isValid() || person.person.startDate >= m_today)
                continue;
            const Target t = person.targets.at(c);
            const int urgency = t == Target::Expired ? 0
                : t == Target::Missing               ? 1
                : t == Target::Expiring30            ? 2
                : t == Target::Expiring60            ? 3
                : t == Target::Expiring90            ? 4
                                                     : -1;
            if (urgency >= 0 && m_random.chance(0.65))
                candidates.append({urgency, p});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        if (candidates.size() < 2)
            continue;
        const int sessions = std::min(4, int((candidates.size() + capacity - 1) / capacity));
        for (int s = 0; s < sessions; ++s) {
            SessionPlan session;
            session.course = c;
            session.kind = SessionPlan::Kind::Planned;
            session.heldOn = workday(m_today.addDays(m_random.between(4, 20) + 14 * s));
            session.created = m_today.addDays(-m_random.between(3, 30));
            session.trainer = trainerFor(c, {}, session.heldOn);
            for (int i = s * capacity; i < std::min(int(candidates.size()), (s + 1) * capacity); ++i) {
                const int p = candidates.at(i).second;
                if (m_people[size_t(p)].created < session.created)
                    session.attendees.append(p);
            }
            if (!session.attendees.isEmpty())
                m_sessions.push_back(session);
        }
    }
    // The starters' induction on their first day.
    QMap<QDate, QList<int>> starters;
    for (int p = 0; p < int(m_people.size()); ++p) {
        if (m_people[size_t(p)].person.startDate >= m_today)
            starters[m_people[size_t(p)].person.startDate].append(p);
    }
    for (auto it = starters.begin(); it != starters.end(); ++it) {
        SessionPlan session;
        session.course = courseNamed("Site induction");
        session.kind = SessionPlan::Kind::Planned;
        session.heldOn = it.key();
        session.created = m_today.addDays(-1);
        session.createdAt = msecs(session.created, 17, 30); // after the starters were entered
        session.trainer = QStringLiteral("Lee Whitfield");
        session.notes = QStringLiteral("First morning: PPE, pass and locker issued after the induction.");
        session.attendees = it.value();
        m_sessions.push_back(session);
    }
    // The cancelled ones had people booked too.
    for (SessionPlan &session : m_sessions) {
        if (session.kind != SessionPlan::Kind::Cancelled)
            continue;
        for (int p = 0; p < int(m_people.size()) && session.attendees.size() < 6; ++p) {
            const PersonPlan &person = m_people[size_t(p)];
            if (person.created < session.created && required(person.post).contains(session.course)
                && (!person.person.leftOn.isValid() || person.person.leftOn > session.heldOn)
                && m_random.chance(0.3))
                session.attendees.append(p);
        }
    }
}

// Three certificates, scanned and attached: a door supervisor's, the supervisor's first aid
// certificate and a fire marshal's.
void Generator::planCertificates()
{
    const std::tuple<const char *, const char *, int> wanted[] = {
        {"Kwame Asante", "SIA Door Supervisor licence", 1},
        {"Lee Whitfield", "First aid at work", 2},
        {"Nadia Hussain", "Fire marshal", 2},
    };
    for (const auto &[name, courseName, kind] : wanted) {
        RecordPlan *found = nullptr;
        for (RecordPlan &r : m_records) {
            if (r.session < 0 && r.result != TrainingResult::Failed
                && m_people[size_t(r.person)].person.name == latin1(name)
                && qstrcmp(course(r.course).name, courseName) == 0
                && (!found || r.completed > found->completed))
                found = &r;
        }
        if (found)
            found->certificate = kind;
    }
}

void Generator::planEvents()
{
    const qint64 limit = msecs(m_today, 0, 0);
    auto before = [limit](qint64 at) { return std::min(at, limit - 10 * minute); };
    for (int p = 0; p < int(m_people.size()); ++p) {
        PersonPlan &person = m_people[size_t(p)];
        person.createdAt = person.existing ? msecs(m_start, 9, 45)
            : person.created == m_start    ? msecs(m_start, 10, 0)
                                           : officeTime(person.created);
        if (!person.existing)
            addEvent(person.createdAt, Step::Person, p);
        if (person.person.leftOn.isValid()) {
            QDate entered = person.person.leftOn.addDays(m_random.between(0, 3));
            if (entered >= m_today)
                entered = person.person.leftOn;
            addEvent(std::max(officeTime(entered), person.createdAt + minute), Step::Leave, p);
        }
    }
    for (int r = 0; r < int(m_records.size()); ++r) {
        const RecordPlan &record = m_records[size_t(r)];
        if (record.session >= 0)
            continue;
        const PersonPlan &person = m_people[size_t(record.person)];
        // Records from before the person was entered come in with them; the rest within days.
        QDate entered = record.completed.addDays(m_random.between(0, 3));
        if (entered >= m_today)
            entered = record.completed;
        const qint64 at
            = record.completed <= person.created ? person.createdAt + 30 * minute : officeTime(entered);
        addEvent(before(at), Step::Record, r);
    }
    for (int s = 0; s < int(m_sessions.size()); ++s) {
        const SessionPlan &session = m_sessions[size_t(s)];
        if (session.attendees.isEmpty())
            continue;
        addEvent(session.createdAt ? session.createdAt : officeTime(session.created), Step::CreateSession, s);
        if (session.kind == SessionPlan::Kind::Done)
            addEvent(
                before(msecs(session.heldOn, 16, int(m_random.between(30, 59)))), Step::CompleteSession, s);
        else if (session.kind == SessionPlan::Kind::Cancelled)
            addEvent(officeTime(session.heldOn.addDays(-m_random.between(1, 4))), Step::CancelSession, s);
    }
    std::sort(m_events.begin(), m_events.end(),
        [](const Event &a, const Event &b) { return std::tie(a.at, a.order) < std::tie(b.at, b.order); });
}

void Generator::perform(const Event &event)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(event.at, Qt::UTC);
    m_context.setNow(at.date(), at.time());
    switch (event.step) {
    case Step::Person:
        createPerson(m_people[size_t(event.index)]);
        break;
    case Step::Leave: {
        PersonPlan &plan = m_people[size_t(event.index)];
        m_context.db.setActor(
            plan.employer < 0 ? QStringLiteral("Aisha Karim") : QStringLiteral("Lee Whitfield"));
        plan.person.active = false;
        PeopleRepository(m_context.db).save(plan.person);
        break;
    }
    case Step::Record:
        createRecord(m_records[size_t(event.index)]);
        break;
    case Step::CreateSession: {
        SessionPlan &plan = m_sessions[size_t(event.index)];
        TrainingSession session;
        session.courseId = m_courseIds.at(plan.course);
        session.heldOn = plan.heldOn;
        session.trainer = plan.trainer;
        session.location = latin1(course(plan.course).location);
        if (plan.kind != SessionPlan::Kind::Cancelled)
            session.notes = plan.notes;
        for (int p : std::as_const(plan.attendees))
            session.attendeeIds.append(m_people[size_t(p)].person.id);
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        plan.id = m_training.createSession(session).id;
        break;
    }
    case Step::CompleteSession: {
        SessionPlan &plan = m_sessions[size_t(event.index)];
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        const QList<qint64> ids = m_training.completeSession(plan.id, plan.heldOn);
        // The trainer's marks follow on the same afternoon.
        QHash<qint64, const RecordPlan *> byPerson;
        for (const RecordPlan &r : m_records) {
            if (r.session == event.index)
                byPerson.insert(m_people[size_t(r.person)].person.id, &r);
        }
        for (qint64 id : ids) {
            TrainingRecord record = m_training.load(id);
            const RecordPlan *r = byPerson.value(record.personId);
            if (r && r->score) {
                record.score = r->score;
                m_context.clock.advanceSeconds(40);
                m_training.save(record, Text::tr("marks from the trainer"));
            }
        }
        break;
    }
    case Step::CancelSession: {
        SessionPlan &plan = m_sessions[size_t(event.index)];
        TrainingSession session = m_training.loadSession(plan.id);
        session.status = SessionStatus::Cancelled;
        session.notes = plan.notes;
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        m_training.saveSession(session);
        break;
    }
    }
}

void Generator::createPerson(PersonPlan &plan)
{
    m_context.db.setActor(
        plan.employer < 0 ? QStringLiteral("Aisha Karim") : QStringLiteral("Lee Whitfield"));
    Person person = plan.person;
    person.leftOn = QDate(); // known when they leave
    plan.person.id = PeopleRepository(m_context.db).save(person);
}

void Generator::createRecord(RecordPlan &plan)
{
    const PersonPlan &person = m_people[size_t(plan.person)];
    // In-house trainers enter their own courses; the supervisor enters the rest.
    const QString trainer = plan.trainer;
    const bool inHouse = !trainer.contains(u'(') && m_names.contains(trainer);
    m_context.db.setActor(inHouse ? trainer : QStringLiteral("Lee Whitfield"));
    TrainingRecord record;
    record.personId = person.person.id;
    record.courseId = m_courseIds.at(plan.course);
    record.completedOn = plan.completed;
    record.result = plan.result;
    record.score = plan.score;
    record.trainer = plan.trainer;
    record.notes = plan.notes;
    if (plan.expiresByHand.isValid()) {
        record.expiresOn = plan.expiresByHand;
        record.expirySetByHand = true;
    }
    plan.id = m_training.create(record).id;
    if (plan.certificate)
        attachCertificate(plan);
}

void Generator::attachCertificate(const RecordPlan &plan)
{
    const PersonPlan &person = m_people[size_t(plan.person)];
    const CourseText &k = course(plan.course);
    CertificateText text;
    text.person = person.person.name;
    text.course = latin1(k.name);
    text.provider = latin1(k.provider);
    text.trainer = plan.trainer;
    text.completed = plan.completed;
    text.expires = expiryFor(
        plan.completed, k.validityMonths > 0 ? std::optional<int>(k.validityMonths) : std::nullopt);
    QString file
        = QStringLiteral("%1 %2 %3").arg(text.person, text.course, plan.completed.toString(Qt::ISODate));
    file.replace(u' ', u'-');
    m_context.clock.advanceSeconds(90);
    if (plan.certificate == 1)
        m_training.setCertificate(plan.id,
            QStringLiteral("IMG_%1.png").arg(plan.completed.toString(QStringLiteral("yyyyMMdd"))),
            certificatePng(text));
    else
        m_training.setCertificate(plan.id, file.toLower() + QStringLiteral(".pdf"), certificatePdf(text));
}

} // namespace

void generateTrainingDemo(DemoContext &context)
{
    Generator(context).run();
}

} // namespace vigil
