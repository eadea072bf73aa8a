#include "workspaces.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMouseEvent>
#include <QPointer>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>
#include <array>
#include <cmath>

namespace lstm {

namespace {

// The places of an arrangement. Docks of one place share a tab group (the first shown one in front); the central
// text view sits between the left and right columns, above the bottom row. Presentation uses Top (the full width
// above everything) and Right.
enum class Place : std::uint8_t { None, Top, LeftTop, Left, LeftBottom, RightTop, RightBottom, BottomLeft, BottomRight };
constexpr std::array kPlaceOrder{Place::Top,      Place::LeftTop,    Place::Left,       Place::LeftBottom,
                                 Place::RightTop, Place::RightBottom, Place::BottomLeft, Place::BottomRight};

struct Slot {
  Place place = Place::None; // None: hidden, wherever it is out of the way
  bool shown = true;         // false: hidden, but a lesson step or the View menu brings it back in this place
};
constexpr Slot hidden(Place place) { return {place, false}; }

struct DockPlan {
  const char *dock; // objectName
  Slot explore, train, teach, present;
};

// Where every dock goes in each arrangement, in tab order (the first shown dock of a place is in front). The
// lesson never shares a place: no lesson step can put another dock over its text and its Next/Back.
using P = Place;
constexpr DockPlan kDockPlan[] = {
    // dock                 Explore                Train                  Teach                  Presenting
    {"textInputDock",       {P::LeftTop},          hidden(P::RightBottom), hidden(P::RightBottom), {}},
    {"interventionsDock",   {P::Left},             hidden(P::RightBottom), hidden(P::RightBottom), {}},
    {"unitDiscoveryDock",   {P::Left},             hidden(P::RightBottom), hidden(P::RightBottom), {}},
    {"trainingDock",        hidden(P::Left),       {P::Left},              hidden(P::RightBottom), {}},
    {"lessonDock",          hidden(P::LeftBottom), hidden(P::LeftBottom),  {P::Left},              {}},
    {"cellDiagramDock",     {P::RightTop},         hidden(P::RightTop),    {P::RightTop},          {P::Top}},
    {"equationsDock",       {P::RightTop},         hidden(P::RightTop),    {P::RightTop},          hidden(P::Top)},
    {"nextTokenDock",       {P::RightBottom},      {P::RightTop},          {P::RightBottom},       {}},
    {"heatmapDock",         {P::BottomLeft},       {P::BottomLeft},        {P::BottomLeft},        {P::RightTop}},
    {"gradientFlowDock",    {P::BottomLeft},       hidden(P::BottomLeft),  {P::BottomLeft},        {}},
    {"forecastDock",        {P::BottomLeft},       {P::BottomLeft},        hidden(P::BottomLeft),  {}},
    {"unitTraceDock",       {P::BottomRight},      {P::BottomRight},       {P::BottomRight},       {}},
    {"unitStripsDock",      {P::BottomRight},      hidden(P::BottomRight), {P::BottomRight},       {}},
};

// Sizes as fractions of the window (columns: of its width; bottom row: of the height under the toolbars), and
// splits inside a column or row.
struct Proportions {
  double left, right, bottom; // left and right column widths, bottom row height
  double leftTop;             // LeftTop's share of the left column
  double rightTop;            // RightTop's share of the right column
  double bottomLeft;          // BottomLeft's share of the bottom row
  double top;                 // Top's share of the height (presentation)
};
// Explore gives the diagram and the heatmaps most of a large screen: the text needs only a few lines.
constexpr Proportions kExplore{0.21, 0.33, 0.50, 0.24, 0.50, 0.58, 0.0};
constexpr Proportions kTrain{0.30, 0.24, 0.46, 0.0, 1.0, 0.58, 0.0};
constexpr Proportions kTeach{0.25, 0.33, 0.44, 0.0, 0.62, 0.58, 0.0};
// The diagram the full width and two thirds of the height: at 1024 × 768 its numbers are 18 px and more.
constexpr Proportions kPresent{0.0, 0.52, 0.0, 0.0, 1.0, 1.0, 0.68};

Qt::DockWidgetArea areaOf(Place place) {
  switch (place) {
  case Place::Top: return Qt::TopDockWidgetArea;
  case Place::LeftTop:
  case Place::Left:
  case Place::LeftBottom: return Qt::LeftDockWidgetArea;
  case Place::RightTop:
  case Place::RightBottom: return Qt::RightDockWidgetArea;
  case Place::None:
  case Place::BottomLeft:
  case Place::BottomRight: break;
  }
  return Qt::BottomDockWidgetArea;
}

const QString workspaceNames[] = {QStringLiteral("explore"), QStringLiteral("train"), QStringLiteral("teach")};

} // namespace

// The arrangement being built or followed: the docks of each place, shown ones first.
namespace {
struct Arrangement {
  std::array<QList<QDockWidget *>, kPlaceOrder.size() + 1> places;
  QList<QDockWidget *> &at(Place place) { return places[std::size_t(place)]; }
  QDockWidget *front(Place place) {
    for (QDockWidget *dock : at(place))
      if (!dock->isHidden())
        return dock;
    return nullptr;
  }
};
} // namespace

Workspaces::Workspaces(QMainWindow *window) : QObject(window), m_window(window) {
  m_toolBar = new QToolBar(window);
  m_toolBar->setObjectName(QStringLiteral("workspaceToolBar"));
  m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  m_group = new QActionGroup(this);
  m_group->setExclusive(true);
  const Workspace all[] = {Workspace::Explore, Workspace::Train, Workspace::Teach};
  for (Workspace workspace : all) {
    auto *action = new QAction(this);
    action->setObjectName(key(workspace) + QStringLiteral("WorkspaceAction"));
    action->setCheckable(true);
    action->setChecked(workspace == m_current);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(workspace))));
    action->setData(int(workspace));
    connect(action, &QAction::triggered, this, [this, workspace] { switchTo(workspace); });
    m_group->addAction(action);
    m_toolBar->addAction(action);
  }
  m_window->installEventFilter(this);
  retranslateUi();
}

QList<QAction *> Workspaces::actions() const { return m_group->actions(); }

QString Workspaces::key(Workspace workspace) { return workspaceNames[int(workspace)]; }

Workspace Workspaces::fromKey(const QString &name, Workspace fallback) {
  for (int k = 0; k < 3; ++k)
    if (workspaceNames[k] == name)
      return Workspace(k);
  return fallback;
}

namespace {
const Slot &slotIn(const DockPlan &row, int plan) {
  const Slot *slots[] = {&row.explore, &row.train, &row.teach, &row.present};
  return *slots[plan];
}

QStringList docksShownIn(int plan) {
  QStringList names;
  for (const DockPlan &row : kDockPlan)
    if (slotIn(row, plan).place != Place::None && slotIn(row, plan).shown)
      names << QString::fromLatin1(row.dock);
  return names;
}

const Proportions &proportionsOf(int plan) {
  static const Proportions all[] = {kExplore, kTrain, kTeach, kPresent};
  return all[plan];
}
} // namespace

QStringList Workspaces::shownDocks(Workspace workspace) { return docksShownIn(int(workspace)); }
QStringList Workspaces::presentedDocks() { return docksShownIn(int(Plan::Present)); }

void Workspaces::retranslateUi() {
  const char *const names[] = {QT_TR_NOOP("Explore"), QT_TR_NOOP("Train"), QT_TR_NOOP("Teach")};
  const char *const tips[] = {QT_TR_NOOP("Read a text and look inside the cell"),
                              QT_TR_NOOP("Train a model and watch what it learns"),
                              QT_TR_NOOP("Follow a lesson beside the views it talks about")};
  for (QAction *action : m_group->actions()) {
    const int k = action->data().toInt();
    action->setText(tr(names[k]));
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tr(tips[k]), action->shortcut().toString(QKeySequence::NativeText)));
  }
  m_toolBar->setWindowTitle(tr("Workspaces"));
}

void Workspaces::switchTo(Workspace workspace) {
  m_current = workspace;
  for (QAction *action : m_group->actions())
    action->setChecked(action->data().toInt() == int(workspace));
  arrange(Plan(int(workspace)));
  Q_EMIT switched(workspace);
}

void Workspaces::arrangePresentation() {
  m_beforePresentation = {m_plan, m_followsWindow, m_arrangedFor};
  arrange(Plan::Present);
}

void Workspaces::endPresentation() {
  if (m_plan != Plan::Present)
    return;
  m_plan = m_beforePresentation.plan;
  m_followsWindow = false; // the caller restores the layout it saved: sizes stay as they come back
  m_arrangedFor = m_beforePresentation.size;
}

void Workspaces::arrange(Plan plan) {
  m_plan = plan;
  const int planIndex = int(plan);
  Arrangement arrangement;
  QList<QDockWidget *> shown;
  const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
  // Table order, shown docks first in each place, so the front tab is a shown one.
  for (int pass = 0; pass < 2; ++pass)
    for (const DockPlan &row : kDockPlan) {
      const Slot &slot = slotIn(row, planIndex);
      const bool show = slot.place != Place::None && slot.shown;
      if (show != (pass == 0))
        continue;
      if (auto *dock = m_window->findChild<QDockWidget *>(QString::fromLatin1(row.dock), Qt::FindDirectChildrenOnly)) {
        arrangement.at(slot.place == Place::None ? Place::BottomLeft : slot.place) << dock;
        if (show)
          shown << dock;
      }
    }
  for (QDockWidget *dock : docks) { // a dock the table does not name (yet) stays out of the way, hidden
    bool known = false;
    for (const auto &list : arrangement.places)
      known = known || list.contains(dock);
    if (!known)
      arrangement.at(Place::BottomLeft) << dock;
  }

  for (QDockWidget *dock : docks) {
    dock->installEventFilter(this); // once: Qt ignores a second installation
    dock->setFloating(false);
    m_window->removeDockWidget(dock);
  }
  const bool present = plan == Plan::Present;
  m_window->setCorner(Qt::TopLeftCorner, present ? Qt::TopDockWidgetArea : Qt::LeftDockWidgetArea);
  m_window->setCorner(Qt::TopRightCorner, present ? Qt::TopDockWidgetArea : Qt::RightDockWidgetArea);
  m_window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  m_window->setCorner(Qt::BottomRightCorner, present ? Qt::RightDockWidgetArea : Qt::BottomDockWidgetArea);
  for (Place place : kPlaceOrder) {
    const QList<QDockWidget *> &group = arrangement.at(place);
    if (group.isEmpty())
      continue;
    const Qt::DockWidgetArea area = areaOf(place);
    const bool row = area == Qt::BottomDockWidgetArea || area == Qt::TopDockWidgetArea;
    m_window->addDockWidget(area, group.front(), row ? Qt::Horizontal : Qt::Vertical);
    for (qsizetype k = 1; k < group.size(); ++k)
      m_window->tabifyDockWidget(group.front(), group[k]);
  }
  for (QDockWidget *dock : docks)
    dock->setVisible(shown.contains(dock));
  for (Place place : kPlaceOrder)
    if (QDockWidget *front = arrangement.front(place))
      front->raise();

  m_places.clear();
  for (Place place : kPlaceOrder)
    m_places.push_back(arrangement.at(place));
  applySizes();
  m_followsWindow = true;
  m_arrangedFor = m_window->size();
}

void Workspaces::applySizes() {
  const auto front = [this](Place place) -> QDockWidget * {
    for (QDockWidget *dock : m_places.value(qsizetype(std::find(kPlaceOrder.begin(), kPlaceOrder.end(), place) -
                                                      kPlaceOrder.begin())))
      if (dock && !dock->isHidden())
        return dock;
    return nullptr;
  };
  const Proportions &p = proportionsOf(int(m_plan));
  const int width = m_window->width();
  // The height the docks and the text share: the window less its menu, toolbars and status bar.
  int chrome = 0;
  if (QWidget *menu = m_window->menuWidget(); menu && !menu->isHidden())
    chrome += menu->sizeHint().height();
  if (auto *status = m_window->findChild<QStatusBar *>(QString(), Qt::FindDirectChildrenOnly); status && !status->isHidden())
    chrome += status->sizeHint().height();
  int bars = 0;
  for (QToolBar *bar : m_window->findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
    if (!bar->isHidden() && m_window->toolBarArea(bar) == Qt::TopToolBarArea)
      bars = std::max(bars, bar->sizeHint().height());
  const int height = std::max(100, m_window->height() - chrome - bars);
  const auto px = [](double length) { return int(std::lround(length)); };

  const auto resize = [this](QList<QDockWidget *> docks, QList<int> sizes, Qt::Orientation orientation) {
    for (qsizetype k = docks.size() - 1; k >= 0; --k)
      if (!docks[k]) {
        docks.removeAt(k);
        sizes.removeAt(k);
      }
    if (!docks.isEmpty())
      m_window->resizeDocks(docks, sizes, orientation);
  };
  QDockWidget *leftColumn = front(Place::LeftTop) ? front(Place::LeftTop) : front(Place::Left);
  if (!leftColumn)
    leftColumn = front(Place::LeftBottom);
  QDockWidget *rightColumn = front(Place::RightTop) ? front(Place::RightTop) : front(Place::RightBottom);
  QDockWidget *bottomRow = front(Place::BottomLeft) ? front(Place::BottomLeft) : front(Place::BottomRight);
  resize({leftColumn}, {px(p.left * width)}, Qt::Horizontal);
  resize({rightColumn}, {px(p.right * width)}, Qt::Horizontal);
  resize({bottomRow}, {px(p.bottom * height)}, Qt::Vertical);
  resize({front(Place::Top)}, {px(p.top * height)}, Qt::Vertical);
  if (front(Place::LeftTop) && front(Place::Left))
    resize({front(Place::LeftTop), front(Place::Left)}, {px(1000 * p.leftTop), px(1000 * (1 - p.leftTop))}, Qt::Vertical);
  if (front(Place::RightTop) && front(Place::RightBottom))
    resize({front(Place::RightTop), front(Place::RightBottom)}, {px(1000 * p.rightTop), px(1000 * (1 - p.rightTop))},
           Qt::Vertical);
  if (front(Place::BottomLeft) && front(Place::BottomRight))
    resize({front(Place::BottomLeft), front(Place::BottomRight)}, {px(1000 * p.bottomLeft), px(1000 * (1 - p.bottomLeft))},
           Qt::Horizontal);
}

bool Workspaces::eventFilter(QObject *watched, QEvent *event) {
  if (auto *dock = qobject_cast<QDockWidget *>(watched); dock && event->type() == QEvent::MouseButtonPress) {
    // A press on the title bar, to move the dock (presses its view ignored arrive here too).
    const QPoint at = static_cast<QMouseEvent *>(event)->position().toPoint();
    if (!dock->widget() || !dock->widget()->geometry().contains(at))
      m_followsWindow = false;
  }
  if (watched == m_window) {
    switch (event->type()) {
    case QEvent::LanguageChange:
      retranslateUi();
      break;
    case QEvent::Resize:
      // The layout has the new size already (QLayout sees the event before filters do).
      if (m_followsWindow && m_window->size() != m_arrangedFor) {
        m_arrangedFor = m_window->size();
        applySizes();
      }
      break;
    case QEvent::MouseButtonPress: {
      // A press on the window itself, not on a child: the user takes a separator (or a dock) in hand.
      const auto *press = static_cast<QMouseEvent *>(event);
      if (!m_window->childAt(press->position().toPoint()))
        m_followsWindow = false;
      break;
    }
    default:
      break;
    }
  }
  return QObject::eventFilter(watched, event);
}

} // namespace lstm
