#pragma once

// The words of the incident demo: the site's areas, what typically happens at a distribution
// centre (one entry per subcategory, several variants each) and what investigators write.
// Texts are templates: {name} is replaced per incident (see incidentdemo.cpp for the names).
//
// An incident is one variant of its kind: a description. A list whose length equals the number
// of descriptions goes with them one to one (titles, areas, outcomes, causes, lessons,
// remedies); a list of another length is drawn from at random.

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include "demo/demorandom.h"
#include "incidents/incident.h"

namespace vigil::demotext {

// Indexes into areas().
enum Area {
    Gatehouse,
    MainGate,
    EastYard,
    WestYard,
    GoodsIn,
    GoodsOut,
    ZoneA,
    ZoneB,
    ColdStore,
    Offices,
    Reception,
    CarPark,
    Fence,
    Charging,
    Waste
};

struct AreaText
{
    const char *name;
    const char *description;
    QList<const char *> locations; // spots within the area; lower case unless a proper name
};
const QList<AreaText> &areas();

// When in the day it tends to happen.
enum class Hours { Night, Day, Shifts, Evening };
// Relative frequency of each hour of the day (UTC) for each pattern.
const QList<double> &hourWeights(Hours hours);
// How the incident is handled: a false alarm is resolved within the hour; a serious one is
// contained, investigated for weeks and reviewed before it is closed.
enum class Flow { FalseAlarm, Quick, Standard, Serious };

struct Involved
{
    InvolvedRole role;
    const char *name;
    const char *details;
    double chance;
    int variant; // only with this description; -1: with any
};

// A corrective action and what its check found.
struct ActionText
{
    const char *description;
    const char *effective; // verification note when it worked
    const char *notEffective; // and when it did not (empty: a general one)
};

struct Kind
{
    const char *subcategory;
    double weight; // relative frequency
    Hours hours;
    double weekend; // share moved onto a Saturday or Sunday, on top of the natural 2/7
    QList<Area> areas;
    QList<double> severity; // weights for low, medium, high, critical
    Flow flow;
    const char *reporter; // reported_by
    const char *owner; // who investigates (a person of the risk demo), empty: nobody
    const char *risk; // words in the title of the risk it is linked to, empty: none
    double police; // chance of a police reference
    int lossMin; // estimated loss in pounds; 0, 0: none
    int lossMax;
    double later; // chance it was found hours after it happened
    QList<const char *> titles;
    QList<const char *> descriptions;
    QList<const char *> actions; // immediate action
    QList<const char *> outcomes; // said when it is marked resolved
    QList<const char *> causes;
    QList<const char *> lessons;
    QList<ActionText> remedies; // corrective actions it may lead to
    QList<Involved> persons;
};
const QList<Kind> &kinds();
// The two halves of kinds(): crime and security, then people, safety and systems.
QList<Kind> securityKinds();
QList<Kind> safetyKinds();

// Investigators' notes, per category.
struct CategoryText
{
    const char *category;
    QList<const char *> notes;
};
const QList<CategoryText> &categoryTexts();
// The investigator's log of a long investigation, after the category's own notes, in order.
const QList<const char *> &investigationNotes();

// Corrective actions from audits, reviews and other sources than incidents.
struct SourcedAction
{
    const char *source; // an action source key: audit, review, other
    const char *owner;
    ActionText text;
};
const QList<SourcedAction> &auditActions();

// Word lists for the template names.
struct Words
{
    QList<const char *> firstNames;
    QList<const char *> lastNames;
    QList<const char *> guards;
    QList<const char *> carriers;
    QList<const char *> contractors;
    QList<const char *> goods;
    QList<const char *> vehicles;
    QList<const char *> cars;
    QList<const char *> colours;
    QList<const char *> items;
    QList<const char *> fenceSections;
    QList<const char *> doors;
    QList<const char *> clothing;
    QList<const char *> reopenReasons;
};
const Words &words();

// The site's clock (Europe/London) for times written in texts: the window shows the stored UTC
// times in local time, and "at 17:35" under an incident shown at 18:35 would look wrong.
QDateTime siteTime(qint64 msecsSinceEpoch);

// Fills the {name}s of the texts of one incident; a name keeps its value for the whole incident,
// so the driver in the description is the driver among the people involved. The names are
// those of Filler::make (incidentdemofiller.cpp); an unknown one stays as it is, braces and all.
class Filler
{
public:
    Filler(DemoRandom &random, Area area, qint64 occurred, qint64 reported);
    // The text with its names filled in, starting with a capital unless told otherwise.
    QString fill(const char *text, bool capital = true);
    QString value(const QString &key);
    // The spot within the area the incident happened at, as the location field shows it.
    QString location() const;

private:
    QString make(const QString &key);
    QString from(const QList<const char *> &list);
    QString number(qint64 low, qint64 high);
    QString name();
    QString other(const QString &key, const std::function<QString()> &make);
    QString registration();

    DemoRandom &m_random;
    Area m_area;
    qint64 m_occurred;
    qint64 m_reported;
    QString m_areaName;
    QString m_location; // as written in the texts ("canteen", "Dock 7")
    QHash<QString, QString> m_values;
};

// Photos attached to a few incidents, drawn with QPainter (PNG). A CCTV still carries caption as
// its timestamp overlay; the others write it small in a corner, as a phone's date stamp.
enum class Photo { CctvStill, Fence, Door, Racking, Graffiti, Leak, Curtain };
QByteArray photo(Photo photo, const QString &caption);

} // namespace vigil::demotext
