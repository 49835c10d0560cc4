// Who works at the training demo's site (see trainingdemo.cpp): the managers and named officers
// already in the file, the other officers, the leavers and the starters, and their staff numbers.
#include <algorithm>
#include <tuple>

#include "base/error.h"
#include "demo/trainingdemogenerator.h"

namespace vigil::trainingdemo {

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

} // namespace vigil::trainingdemo
