// Presentation mode ("Classroom"): F11 enters, Esc or F11 leave, the reduced layout, projector fonts and
// colours, the keyboard flow with every toolbar hidden, and leaving restores the window exactly.
#include "common/display_style.h"
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"
#include "explorer/cell_diagram_view.h"
#include "explorer/drive_toolbar.h"
#include "explorer/explorer_keys.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/text_view.h"
#include "presentation_mode.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace lstm;

class TestPresentationMode : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init() {
    m_session = std::make_unique<ExplorerSession>();
    m_session->setModel(test::randomCharModel(test::kTestAlphabet, 12), QStringLiteral("test"));
    QString error;
    QVERIFY2(m_session->setText(test::makeText(400), &error), qPrintable(error));
    QCOMPARE(m_session->stepMany(40), 40);

    m_window = std::make_unique<QMainWindow>();
    m_window->setObjectName(QStringLiteral("mainWindow"));
    m_text = new TextView(m_session.get());
    m_window->setCentralWidget(m_text);
    m_drive = new DriveToolBar(m_session.get(), m_window.get());
    m_window->addToolBar(m_drive);
    m_drive->bindKeys(*new ExplorerKeys(m_window.get()));
    QMenu *menu = m_window->menuBar()->addMenu(QStringLiteral("&Step"));
    menu->addActions({m_drive->previousStepAction(), m_drive->playAction(), m_drive->nextStepAction()});
    m_window->statusBar()->showMessage(QStringLiteral("ready"));
    m_heatmaps = new GateHeatmapView(m_session.get());
    m_diagram = new CellDiagramView(m_session.get());
    m_extraPlot = new QCustomPlot;
    m_extraPlot->setObjectName(QStringLiteral("extraPlot"));
    m_extraPlot->addGraph()->setPen(QPen(Qt::darkGreen, 1.5));
    addDock(m_heatmaps, "heatmapDock", Qt::BottomDockWidgetArea);
    addDock(m_diagram, "cellDiagramDock", Qt::RightDockWidgetArea);
    addDock(m_extraPlot, "extraDock", Qt::LeftDockWidgetArea);
    addDock(new QLabel(QStringLiteral("other")), "otherDock", Qt::LeftDockWidgetArea);
    m_mode = new PresentationMode(m_window.get(), {QStringLiteral("cellDiagramDock"), QStringLiteral("heatmapDock")},
                                  {m_drive->previousStepAction(), m_drive->playAction(), m_drive->nextStepAction()},
                                  m_window.get());
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // Docks as wide as a user keeps them: a bare plot squeezed to its 58 px minimum would come back at the
    // minimum its projector fonts raised until its next replot, which is not what this test is about.
    m_window->resizeDocks({dock("extraDock")}, {260}, Qt::Horizontal);
    QCoreApplication::processEvents();
  }

  void cleanup() {
    m_window.reset();
    m_session.reset();
    QVERIFY(!displayStyle().presentation()); // the mode never leaves the app-wide style on
  }

  void f11EntersAndEscRestoresEverything() {
    const QStringList layout = test::dockLayout(*m_window);
    const QSize size = m_window->size();
    const QFont font = m_window->font();
    const double textPoints = m_text->fontPointSize();
    const double axisPoints = m_extraPlot->xAxis->tickLabelFont().pointSizeF();
    const Qt::WindowStates states = m_window->windowState();
    QSignalSpy changed(m_mode, &PresentationMode::activeChanged);

    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_mode->isActive());
    QCOMPARE(changed.count(), 1);
    QVERIFY(m_mode->toggleAction()->isChecked());
    QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
    QVERIFY(displayStyle().presentation() && displayStyle().highContrast());
    // Reduced layout: the text, the cell diagram and one heatmap.
    QVERIFY(dock("heatmapDock")->isVisible());
    QVERIFY(dock("cellDiagramDock")->isVisible());
    QVERIFY(!dock("otherDock")->isVisible());
    QVERIFY(!dock("extraDock")->isVisible());
    QVERIFY(m_text->isVisible());
    m_heatmaps->refreshNow();
    QCOMPARE(m_heatmaps->shownMapCount(), 1);
    QVERIFY(m_heatmaps->isMapShown(m_session->selectedQuantity()));
    QVERIFY(m_heatmaps->title().startsWith(quantityName(m_session->selectedQuantity())));
    // Advanced controls hidden (the default), essentials shown instead.
    QVERIFY(!m_window->menuBar()->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(!m_drive->isVisible());
    QVERIFY(test::child<QToolBar>(m_window.get(), "presentationToolBar")->isVisible());
    // Projector sizes, also in a plot the mode knows nothing about.
    QVERIFY(m_window->font().pointSizeF() >= 1.5 * font.pointSizeF());
    QVERIFY(m_diagram->font().pointSizeF() >= 1.5 * font.pointSizeF());
    QVERIFY(m_text->fontPointSize() >= 1.5 * textPoints);
    QCOMPARE(m_extraPlot->xAxis->tickLabelFont().pointSizeF(), axisPoints * displayStyle().fontScale());
    QCOMPARE(m_extraPlot->graph(0)->pen().widthF(), 1.5 * DisplayStyle::kLineScale);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!m_mode->isActive());
    QCOMPARE(changed.count(), 2);
    QVERIFY(!m_mode->toggleAction()->isChecked());
    QVERIFY(!displayStyle().presentation());
    QCOMPARE(m_window->windowState(), states);
    QTRY_COMPARE(test::dockLayout(*m_window), layout);
    // The size, not saveGeometry(): the offscreen platform puts the window back 18 px lower (its frame margin)
    // after full screen, whatever the mode restores.
    QCOMPARE(m_window->size(), size);
    QCOMPARE(m_window->font(), font);
    QVERIFY(!m_window->testAttribute(Qt::WA_SetFont));
    QCOMPARE(m_text->fontPointSize(), textPoints);
    QCOMPARE(m_extraPlot->xAxis->tickLabelFont().pointSizeF(), axisPoints);
    QCOMPARE(m_extraPlot->graph(0)->pen().widthF(), 1.5);
    QVERIFY(dock("otherDock")->isVisible() && dock("extraDock")->isVisible());
    QVERIFY(m_window->menuBar()->isVisible() && m_window->statusBar()->isVisible() && m_drive->isVisible());
    QVERIFY(!test::child<QToolBar>(m_window.get(), "presentationToolBar")->isVisible());
    m_heatmaps->refreshNow();
    QCOMPARE(m_heatmaps->shownMapCount(), 6);

    // F11 leaves as well, and a second round restores the same.
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_mode->isActive());
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(!m_mode->isActive());
    QTRY_COMPARE(test::dockLayout(*m_window), layout);
    QCOMPARE(m_window->font(), font);
  }

  void lookAtIt() {
    m_session->selectUnit(0, 3);
    m_mode->enter();
    // The offscreen platform may leave a full-screen window at its old size: make it a projector's.
    if (m_window->width() < 1280)
      m_window->resize(1280, 720);
    m_heatmaps->refreshNow();
    m_diagram->refreshNow();
    m_extraPlot->replot(QCustomPlot::rpImmediateRefresh);
    test::savePng(*m_window, QStringLiteral("presentation.png"));
    m_mode->leave();
    QVERIFY(!m_mode->isActive());
  }

  void keyboardDrivesWithEveryToolbarHidden() {
    m_mode->enter();
    QVERIFY(!m_drive->isVisible() && !m_window->menuBar()->isVisible());
    QSignalSpy stepped(m_drive->nextStepAction(), &QAction::triggered); // once per key: no ambiguity
    const int steps = m_session->steps();
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(m_session->steps(), steps + 1);
    QCOMPARE(stepped.count(), 1);
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(m_session->steps(), steps + 2);
    QTest::keyClick(focus, Qt::Key_Left); // inspects the step before; nothing is undone
    QCOMPARE(m_session->steps(), steps + 2);
    QCOMPARE(m_session->cursor(), steps);
    QTest::keyClick(focus, Qt::Key_Space);
    QVERIFY(m_session->playing());
    QTRY_VERIFY(m_session->steps() > steps + 3);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(!m_session->playing());
    m_mode->leave();
    // Back to normal the actions live where they were; the window got back its own actions only.
    QCOMPARE(m_window->actions(), QList<QAction *>{m_mode->toggleAction()});
  }

  void oneHeatmapFollowsTheSelectedQuantity() {
    m_mode->enter();
    m_session->selectQuantity(Quantity::ForgetGate);
    m_heatmaps->refreshNow();
    QCOMPARE(m_heatmaps->shownMapCount(), 1);
    QVERIFY(m_heatmaps->isMapShown(Quantity::ForgetGate));
    QVERIFY(!m_heatmaps->isMapShown(Quantity::Cell));
    // The one map fills the plot: a cell of it is on screen, one of a hidden map is not.
    QVERIFY(!m_heatmaps->cellRect(Quantity::ForgetGate, m_session->steps() - 1, 0).isEmpty());
    QVERIFY(m_heatmaps->cellRect(Quantity::Cell, m_session->steps() - 1, 0).isEmpty());
    // High-contrast ends while presenting.
    for (Quantity q : kShownQuantities) {
      const QuantityRange range = naturalRange(q);
      QVERIFY(contrastRatio(quantityColor(q, range.low), Qt::white) >= 7.0);
      QVERIFY(contrastRatio(quantityColor(q, range.high), Qt::white) >= 7.0);
    }
    m_session->selectQuantity(Quantity::InputPre); // not one of the maps: the cell state's is shown
    m_heatmaps->refreshNow();
    QVERIFY(m_heatmaps->isMapShown(Quantity::Cell));
    m_mode->leave();
    m_heatmaps->refreshNow();
    for (Quantity q : kShownQuantities)
      QVERIFY(m_heatmaps->isMapShown(q));
    QVERIFY(!m_heatmaps->cellRect(Quantity::Cell, m_session->steps() - 1, 0).isEmpty());
  }

  void advancedControlsCanStay() {
    m_mode->hideAdvancedAction()->setChecked(false);
    m_mode->enter();
    QVERIFY(m_window->menuBar()->isVisible() && m_drive->isVisible());
    QVERIFY(!test::child<QToolBar>(m_window.get(), "presentationToolBar")->isVisible());
    QVERIFY(!dock("otherDock")->isVisible()); // the layout is still reduced
    m_mode->hideAdvancedAction()->setChecked(true); // applies at once
    QVERIFY(!m_window->menuBar()->isVisible() && !m_drive->isVisible());
    QVERIFY(test::child<QToolBar>(m_window.get(), "presentationToolBar")->isVisible());
    m_mode->hideAdvancedAction()->setChecked(false);
    QVERIFY(m_window->menuBar()->isVisible() && m_drive->isVisible());
    m_mode->leave();
    QVERIFY(m_window->menuBar()->isVisible() && m_drive->isVisible());
  }

  void closingWhilePresentingLeavesFirst() {
    const QStringList layout = test::dockLayout(*m_window);
    QStringList stateAtClose;
    // What a main window's closeEvent would save: the real layout, not the presentation.
    m_mode->enter();
    const auto connection =
        connect(m_mode, &PresentationMode::activeChanged, this, [&] { stateAtClose = test::dockLayout(*m_window); });
    m_window->close();
    disconnect(connection);
    QVERIFY(!m_mode->isActive());
    QCOMPARE(stateAtClose, layout);
  }

private:
  void addDock(QWidget *view, const char *name, Qt::DockWidgetArea area) {
    auto *dock = new QDockWidget(QString::fromLatin1(name), m_window.get());
    dock->setObjectName(QString::fromLatin1(name));
    dock->setWidget(view);
    m_window->addDockWidget(area, dock);
  }
  QDockWidget *dock(const char *name) { return test::child<QDockWidget>(m_window.get(), name); }

  std::unique_ptr<ExplorerSession> m_session;
  std::unique_ptr<QMainWindow> m_window;
  TextView *m_text = nullptr;
  DriveToolBar *m_drive = nullptr;
  GateHeatmapView *m_heatmaps = nullptr;
  CellDiagramView *m_diagram = nullptr;
  QCustomPlot *m_extraPlot = nullptr;
  PresentationMode *m_mode = nullptr;
};

QTEST_MAIN(TestPresentationMode)
#include "tst_presentation_mode.moc"
