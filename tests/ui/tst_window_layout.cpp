// The window's layout in the rooms it is used in (a 1,024-pixel projector,
// presentation mode, workspaces): the real MainWindow from a first launch, driven by keys. At 1024 × 700 nothing
// sticks out of the window and the text keeps 30 characters a line; presentation mode and the workspaces put
// every dock and plot back exactly; Reset layout gives the designed layout; a series model does not widen the
// window; tab titles are whole; presentation numbers are 18 px and more on a 1024 × 768 projector.
#include "common/qcustomplot_include.h"
#include "explorer/cell_diagram_view.h"
#include "explorer/text_view.h"
#include "first_launch_window.h"
#include "forecast/forecast_view.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "opening/model_opener.h"
#include "presentation_mode.h"
#include "ui_test_helpers.h"
#include "workspaces.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFontInfo>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>

using namespace lstm;

class TestWindowLayout : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init() { test::openFirstLaunchWindow(m_window); }
  void cleanup() { m_window.reset(); }

  void fitsA1024By700Window_data();
  void fitsA1024By700Window();
  void workspacesShowTheirDocks();
  void aLessonStepCannotHideTheLesson();
  void presentationRestoresEveryDockAndPlot();
  void resetLayoutGivesTheDesignedLayout();
  void aSeriesModelKeepsTheWindowSize();
  void tabTitlesAreWhole_data();
  void tabTitlesAreWhole();
  void presentationNumbersReadOnAProjector();

private:
  void resizeTo(int width, int height);
  void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
  QStringList outsideTheWindow() const;
  // Every visible dock, in window coordinates; with `plots` also every plot and each axis rect inside it.
  QStringList geometries(bool plots = false) const;
  QDockWidget *dock(const QString &name) const { return m_window->findChild<QDockWidget *>(name); }
  std::unique_ptr<MainWindow> m_window;
};

void TestWindowLayout::resizeTo(int width, int height) {
  m_window->resize(width, height);
  QTRY_COMPARE(m_window->size(), QSize(width, height)); // the minimum size lets it
  m_window->flushRedraws();
  QCoreApplication::processEvents();
}

// Keys go where a user's would: to the focused widget, which the test never chooses.
void TestWindowLayout::press(int key, Qt::KeyboardModifiers modifiers) {
  QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
  QTest::keyClick(target, Qt::Key(key), modifiers);
  QCoreApplication::processEvents();
}

namespace {
// A dock is on screen when it is shown and in front of its tab group (tabs behind are moved off the window).
bool onScreen(const QWidget *widget, const QWidget *window) {
  if (!widget->isVisible())
    return false;
  for (const QWidget *w = widget; w && w != window; w = w->parentWidget())
    if (const auto *d = qobject_cast<const QDockWidget *>(w); d && !QRect(QPoint(), window->size()).intersects(d->geometry()))
      return false;
  return true;
}

QString describe(const QWidget *widget, const QRect &rect) {
  return QStringLiteral("%1 %2 %3,%4 %5x%6")
      .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())
      .arg(rect.x())
      .arg(rect.y())
      .arg(rect.width())
      .arg(rect.height());
}
} // namespace

// What a user sees of each widget (clipped by its parents, not by the window) must lie inside the window, and
// the docks on screen must not overlap.
QStringList TestWindowLayout::outsideTheWindow() const {
  QStringList outside;
  const QRect area(QPoint(), m_window->size());
  QList<QRect> docks;
  for (QWidget *widget : m_window->findChildren<QWidget *>()) {
    if (widget->isWindow() || !onScreen(widget, m_window.get()))
      continue;
    QRect seen(widget->mapTo(m_window.get(), QPoint()), widget->size());
    for (QWidget *parent = widget->parentWidget(); parent && parent != m_window.get(); parent = parent->parentWidget())
      seen &= QRect(parent->mapTo(m_window.get(), QPoint()), parent->size());
    if (seen.isEmpty() || !seen.intersects(area))
      continue; // scrolled out of view, or parked off the window by Qt (an unused tab bar)
    if (!area.contains(seen))
      outside << describe(widget, seen);
    if (qobject_cast<QDockWidget *>(widget)) {
      for (const QRect &other : std::as_const(docks))
        if (other.intersects(seen))
          outside << QStringLiteral("overlaps another dock: ") + describe(widget, seen);
      docks << seen;
    }
  }
  return outside;
}

QStringList TestWindowLayout::geometries(bool plots) const {
  QStringList lines;
  for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
    if (onScreen(d, m_window.get()))
      lines << describe(d, d->geometry());
  for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>())
    if (plots && onScreen(plot, m_window.get())) {
      lines << describe(plot, QRect(plot->mapTo(m_window.get(), QPoint()), plot->size()));
      for (QCPAxisRect *rect : plot->axisRects()) // the heatmaps' six maps, each as tall as before
        if (rect->visible())
          lines << plot->objectName() + QStringLiteral(" map %1,%2 %3x%4")
                                            .arg(rect->left())
                                            .arg(rect->top())
                                            .arg(rect->width())
                                            .arg(rect->height());
    }
  lines.sort();
  return lines;
}

void TestWindowLayout::fitsA1024By700Window_data() {
  QTest::addColumn<int>("key");
  QTest::newRow("explore") << int(Qt::Key_1);
  QTest::newRow("train") << int(Qt::Key_2);
  QTest::newRow("teach") << int(Qt::Key_3);
}

void TestWindowLayout::fitsA1024By700Window() {
  QFETCH(int, key);
  resizeTo(1024, 700);
  press(key, Qt::ControlModifier);
  m_window->flushRedraws();
  QCoreApplication::processEvents();
  QVERIFY(m_window->minimumSizeHint().width() <= 1024);
  QVERIFY(m_window->minimumSizeHint().height() <= 700);
  const QStringList outside = outsideTheWindow();
  QVERIFY2(outside.isEmpty(), qPrintable(outside.join(QLatin1Char('\n'))));
  // The text keeps at least 30 average characters a line, in the font it is drawn with.
  auto *text = m_window->findChild<TextView *>(QStringLiteral("textView"));
  QFont font = text->font();
  font.setPointSizeF(text->fontPointSize());
  const double perLine = (text->viewport()->width() - 12) / QFontMetricsF(font).averageCharWidth();
  QVERIFY2(perLine >= 30, qPrintable(QString::number(perLine)));
}

void TestWindowLayout::workspacesShowTheirDocks() {
  const QList<std::pair<int, Workspace>> switches{
      {Qt::Key_2, Workspace::Train}, {Qt::Key_3, Workspace::Teach}, {Qt::Key_1, Workspace::Explore}};
  for (const auto &[key, workspace] : switches) {
    press(key, Qt::ControlModifier);
    QCOMPARE(m_window->workspaces()->current(), workspace);
    const QStringList shown = Workspaces::shownDocks(workspace);
    QVERIFY(!shown.isEmpty());
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
      QVERIFY2(d->isVisible() == shown.contains(d->objectName()), qPrintable(d->objectName()));
  }
  // The toolbar's buttons switch too.
  auto *trainAction = m_window->findChild<QAction *>(QStringLiteral("trainWorkspaceAction"));
  QWidget *button = m_window->workspaces()->toolBar()->widgetForAction(trainAction);
  QTest::mouseClick(button, Qt::LeftButton);
  QCOMPARE(m_window->workspaces()->current(), Workspace::Train);
  QVERIFY(dock(QStringLiteral("trainingDock"))->isVisible());
  QVERIFY(onScreen(dock(QStringLiteral("trainingDock")), m_window.get()));
}

void TestWindowLayout::aLessonStepCannotHideTheLesson() {
  QVERIFY(m_window->startLesson(QStringLiteral(":/lessons/02-forget-gate.json")));
  QCOMPARE(m_window->workspaces()->current(), Workspace::Teach); // starting a lesson switches
  QDockWidget *lesson = dock(QStringLiteral("lessonDock"));
  QVERIFY(m_window->tabifiedDockWidgets(lesson).isEmpty());
  for (int step = 1; step < 4; ++step) // step 4 brings the interventions forward
    press(Qt::Key_PageDown);
  QCOMPARE(m_window->lessonPanel()->runner()->currentStep(), 3);
  QVERIFY(dock(QStringLiteral("interventionsDock"))->isVisible());
  QVERIFY(onScreen(lesson, m_window.get()));
  auto *next = lesson->findChild<QPushButton *>(QStringLiteral("lessonNextButton"));
  QVERIFY(next->isVisible() && !next->visibleRegion().isEmpty());
}

void TestWindowLayout::presentationRestoresEveryDockAndPlot() {
  m_window->flushRedraws();
  QCoreApplication::processEvents();
  const QStringList before = geometries();
  const QStringList mapsBefore = geometries(true);
  const QSize size = m_window->size();
  for (int round = 0; round < 2; ++round) {
    press(Qt::Key_F11);
    QVERIFY(m_window->presentationMode()->isActive());
    resizeTo(1024, 768); // a projector (offscreen, full screen keeps the old size)
    press(Qt::Key_Escape);
    QVERIFY(!m_window->presentationMode()->isActive());
    QTRY_COMPARE(m_window->size(), size);
    m_window->flushRedraws();
    QTRY_COMPARE(geometries(), before);
  }
  resizeTo(size.width() + 40, size.height() + 60);
  resizeTo(size.width(), size.height());
  QTRY_COMPARE(geometries(), before);
  // Inside the docks, plots come back resized: the next character's plot 15 px taller, the heatmap plot narrower
  // with its six maps squeezed (the c and h maps keep the presentation's axis margins, so the rows' share of the
  // height leaves the others ~2 px).
  QEXPECT_FAIL("", "plots inside their docks after presentation: not fixed yet", Continue);
  QCOMPARE(geometries(true), mapsBefore);
}

void TestWindowLayout::resetLayoutGivesTheDesignedLayout() {
  auto *reset = m_window->findChild<QAction *>(QStringLiteral("resetLayoutAction"));
  reset->trigger();
  m_window->flushRedraws();
  QCoreApplication::processEvents();
  const QStringList designed = test::dockLayout(*m_window);

  press(Qt::Key_F11);
  press(Qt::Key_Escape);
  reset->trigger();
  QTRY_COMPARE(test::dockLayout(*m_window), designed);

  press(Qt::Key_2, Qt::ControlModifier);
  QCOMPARE(m_window->workspaces()->current(), Workspace::Train);
  QVERIFY(test::dockLayout(*m_window) != designed);
  press(Qt::Key_1, Qt::ControlModifier);
  QTRY_COMPARE(test::dockLayout(*m_window), designed);
  m_window->resizeDocks({dock(QStringLiteral("textInputDock"))}, {420}, Qt::Horizontal); // the user's own
  QTRY_VERIFY(test::dockLayout(*m_window) != designed);
  reset->trigger();
  QTRY_COMPARE(test::dockLayout(*m_window), designed);
}

void TestWindowLayout::aSeriesModelKeepsTheWindowSize() {
  const QSize size = m_window->size();
  QString error;
  QVERIFY2(m_window->modelOpener()->open(QStringLiteral(":/models/examples/03-mackey-glass.lstm"), &error),
           qPrintable(error));
  QSignalSpy ready(m_window->forecastView(), &ForecastView::forecastReady); // the series loaded and forecast
  QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 30000);
  m_window->flushRedraws();
  QCoreApplication::processEvents();
  QCOMPARE(m_window->size(), size);
  QDockWidget *forecast = dock(QStringLiteral("forecastDock"));
  QVERIFY(onScreen(forecast, m_window.get()));
  // Nothing of the forecast reaches over another dock's title.
  for (QWidget *child : forecast->findChildren<QWidget *>())
    if (child->isVisible())
      QVERIFY2(forecast->rect().contains(QRect(child->mapTo(forecast, QPoint()), child->size())),
               qPrintable(describe(child, child->geometry())));
  QVERIFY(outsideTheWindow().isEmpty());
}

void TestWindowLayout::tabTitlesAreWhole_data() {
  QTest::addColumn<QSize>("size");
  QTest::newRow("1024") << QSize(1024, 700);
  QTest::newRow("1920") << QSize(1920, 1080);
}

void TestWindowLayout::tabTitlesAreWhole() {
  QFETCH(QSize, size);
  resizeTo(size.width(), size.height());
  for (int key : {Qt::Key_1, Qt::Key_2, Qt::Key_3}) {
    press(key, Qt::ControlModifier);
    for (QTabBar *tabs : m_window->findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly))
      if (tabs->isVisible())
        for (int k = 0; k < tabs->count(); ++k)
          QVERIFY2(tabs->tabRect(k).width() >= tabs->fontMetrics().horizontalAdvance(tabs->tabText(k)) + 8,
                   qPrintable(tabs->tabText(k)));
  }
}

void TestWindowLayout::presentationNumbersReadOnAProjector() {
  press(Qt::Key_F11);
  QVERIFY(m_window->presentationMode()->isActive());
  resizeTo(1024, 768);
  auto *diagram = m_window->findChild<CellDiagramView *>();
  QVERIFY(onScreen(diagram, m_window.get()));
  QVERIFY2(diagram->smallestNumberPixels() >= 18.0, qPrintable(QString::number(diagram->smallestNumberPixels())));
  auto *equations = m_window->findChild<QTextBrowser *>(QStringLiteral("equationsText"));
  QVERIFY(QFontInfo(equations->font()).pixelSize() >= 18);
  press(Qt::Key_Escape);
  QVERIFY(QFontInfo(equations->font()).pixelSize() < 18); // back to the window's size
}

QTEST_MAIN(TestWindowLayout)
#include "tst_window_layout.moc"
