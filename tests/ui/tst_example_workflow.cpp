// The lessons end to end on the real MainWindow: File ▸ Open example through the gallery dialog opens
// each shipped example primed with its unit selected; the Mackey–Glass forecaster fills the explorer with time
// points and the Forecast dock with a forecast that beats the naive one; the unit discovery panel finds the
// counting unit of the first-launch lesson.
#include "common/dialogs.h"
#include "explorer/explorer_session.h"
#include "explorer/unit_discovery_panel.h"
#include "forecast/forecast_view.h"
#include "gallery/example_gallery_dialog.h"
#include "main_window.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace lstm;

class TestExampleWorkflow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init();
  void cleanup();
  void galleryOpensEachExample_data();
  void galleryOpensEachExample();
  void forecasterFillsExplorerAndForecast();
  void discoveryFindsTheCountingUnit();

private:
  // Opens File ▸ Open example, picks the entry titled `title` and presses Open; returns the titles listed.
  QStringList chooseExample(const QString &title);
  std::unique_ptr<MainWindow> m_window;
  QStringList m_errors;
};

void TestExampleWorkflow::init() {
  m_errors.clear();
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1400, 900);
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestExampleWorkflow::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
}

QStringList TestExampleWorkflow::chooseExample(const QString &title) {
  QStringList titles;
  dialogs::Hooks hooks;
  hooks.error = [this](const QString &text) { m_errors << text; };
  hooks.exec = [&](QDialog &dialog) {
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("exampleList"));
    for (int row = 0; list && row < list->count(); ++row) {
      titles << list->item(row)->text();
      if (list->item(row)->text() == title)
        list->setCurrentRow(row);
    }
    QTest::mouseClick(dialog.findChild<QWidget *>(QStringLiteral("exampleOpenButton")), Qt::LeftButton);
    return dialog.result();
  };
  dialogs::setHooks(hooks);
  m_window->findChild<QAction *>(QStringLiteral("openExampleAction"))->trigger();
  return titles;
}

void TestExampleWorkflow::galleryOpensEachExample_data() {
  QTest::addColumn<QString>("title");
  QTest::addColumn<int>("unit");
  QTest::addColumn<Quantity>("quantity");
  QTest::newRow("brackets") << QStringLiteral("Counting brackets") << 11 << Quantity::Cell;
  QTest::newRow("anbn") << QStringLiteral("Counting aⁿbⁿ") << 5 << Quantity::Cell;
  QTest::newRow("tang") << QStringLiteral("Tang poems: a forget gate that closes at punctuation") << 3
                        << Quantity::ForgetGate;
  QTest::newRow("english") << QStringLiteral("English quotations: where am I in the line?") << 25 << Quantity::Cell;
}

void TestExampleWorkflow::galleryOpensEachExample() {
  QFETCH(QString, title);
  QFETCH(int, unit);
  QFETCH(Quantity, quantity);
  const QStringList titles = chooseExample(title);
  QCOMPARE(titles.size(), 5);
  QVERIFY(titles.contains(title));
  ExplorerSession *session = m_window->session();
  QVERIFY(session->steps() > 20); // the primer was read …
  QCOMPARE(session->steps(), session->tapeLength());
  QCOMPARE(session->selectedUnit(), unit); // … and the lesson's unit and quantity are selected
  QCOMPARE(session->selectedQuantity(), quantity);
  QVERIFY(m_window->windowTitle().contains(QStringLiteral(".lstm")));
  QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
  // A character model keeps the heatmaps in front, not the Forecast tab.
  QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("heatmapDock"))->isVisible());
}

void TestExampleWorkflow::forecasterFillsExplorerAndForecast() {
  ForecastView *forecast = m_window->forecastView();
  QSignalSpy ready(forecast, &ForecastView::forecastReady);
  chooseExample(QStringLiteral("Forecasting a chaotic series"));
  ExplorerSession *session = m_window->session();
  // The series is regenerated on a worker; then the explorer reads 400 time points around the validation start.
  QTRY_COMPARE_WITH_TIMEOUT(session->steps(), 400, 20000);
  QVERIFY(session->isSeriesTape());
  QCOMPARE(session->selectedUnit(), 10);
  QVERIFY(std::isfinite(session->predictionAt(399)));
  QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("forecastDock"))->isVisible());
  QTRY_VERIFY_WITH_TIMEOUT(!forecast->multiStep().predictions.empty() && !forecast->isComputing(), 20000);
  QVERIFY(ready.count() >= 1);
  QCOMPARE(forecast->oneStep().model.count, 4000); // the whole held-out tenth of 40 000 values
  QVERIFY(forecast->oneStep().model.rmse < 0.1 * forecast->oneStep().naive.rmse);
  QVERIFY(forecast->multiStep().model.rmse < forecast->multiStep().naive.rmse);
  test::savePng(*m_window, QStringLiteral("example_forecast_window.png"));
  // Opening a character model afterwards brings the heatmaps back in front.
  chooseExample(QStringLiteral("Counting brackets"));
  QVERIFY(!session->isSeriesTape());
  QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("heatmapDock"))->isVisible());
}

void TestExampleWorkflow::discoveryFindsTheCountingUnit() {
  QVERIFY(m_window->openDefaultModel());
  auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("unitDiscoveryDock"));
  QVERIFY(dock);
  dock->show();
  dock->raise();
  auto *panel = m_window->findChild<UnitDiscoveryPanel *>(QStringLiteral("unitDiscoveryPanel"));
  auto *feature = test::child<QComboBox>(panel, "discoveryFeatureCombo");
  feature->setCurrentIndex(feature->findData(int(TextFeature::BracketDepth)));
  QTRY_VERIFY(!panel->refreshPending() && !panel->scores().empty());
  QCOMPARE(panel->scores().front().unit, m_window->session()->selectedUnit()); // the lesson's unit, found
  QVERIFY(panel->scores().front().correlation > 0.9);
}

QTEST_MAIN(TestExampleWorkflow)
#include "tst_example_workflow.moc"
