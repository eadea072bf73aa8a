// UnitDiscoveryPanel: finds the bracket-counting unit of a hand-built model first, selects
// units from the table and the saturation scatter, re-ranks when the feature changes, reports an invalid regular
// expression inline, and behaves with no model, a series model and while hidden.
#include "bracket_counter_model.h"
#include "common/qcustomplot_include.h"
#include "explore/example_lesson.h"
#include "explorer/explorer_session.h"
#include "explorer/unit_discovery_panel.h"
#include "model/initialization.h"
#include "model/rng.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace lstm;
using test::bracketCounterModel;
using test::child;
using test::kClosed;
using test::kCounter;

namespace {

QString bracketText() {
  return QStringLiteral("(a(b))\n((a)(b(a)))\nab(a)\n(((b)a)b)\n(a)(b)\n((((a))))\nb(a(b)a)\n");
}

} // namespace

class TestUnitDiscoveryPanel : public QObject {
  Q_OBJECT

  std::unique_ptr<ExplorerSession> m_session;
  std::unique_ptr<UnitDiscoveryPanel> m_panel;

  // Callers check QTest::currentTestFailed() after it.
  void open(std::shared_ptr<const Model> model, const QString &text) {
    m_session = std::make_unique<ExplorerSession>();
    m_session->setModel(std::move(model), QStringLiteral("test"));
    QString error;
    QVERIFY2(m_session->setText(text, &error), qPrintable(error));
    QCOMPARE(m_session->stepMany(int(text.size())), int(text.size()));
    m_panel = std::make_unique<UnitDiscoveryPanel>(m_session.get());
    m_panel->resize(420, 520);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->refreshNow();
  }

  template <class T> T *find(const char *name) const { return child<T>(m_panel.get(), name); }
  QTableView *table() const { return find<QTableView>("discoveryTable"); }
  QCustomPlot *plot() const { return find<QCustomPlot>("saturationPlot"); }
  QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }

  void chooseFeature(TextFeature feature) {
    auto *combo = find<QComboBox>("discoveryFeatureCombo");
    combo->setCurrentIndex(combo->findData(int(feature)));
  }

private Q_SLOTS:
  void cleanup() {
    m_panel.reset();
    m_session.reset();
  }

  void noModelIsHarmless() {
    ExplorerSession session;
    UnitDiscoveryPanel panel(&session);
    panel.resize(420, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.refreshNow();
    QCOMPARE(panel.objectName(), QStringLiteral("unitDiscoveryPanel"));
    QCOMPARE(panel.shownLayer(), -1);
    auto *message = child<QLabel>(&panel, "discoveryMessage");
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("No model")));
    QCOMPARE(child<QTableView>(&panel, "discoveryTable")->model()->rowCount(), 0);
    QCOMPARE(child<QCustomPlot>(&panel, "saturationPlot")->graph(0)->dataCount(), 0);
    for (const char *name : {"discoveryFeatureCombo", "discoveryQuantityCombo", "discoverySaturationGateCombo"}) {
      auto *combo = child<QComboBox>(&panel, name);
      combo->setCurrentIndex(combo->count() - 1);
    }
    QTest::keyClicks(child<QLineEdit>(&panel, "discoveryRegexEdit"), QStringLiteral("(("));
    panel.refreshNow();
    QVERIFY(panel.scores().empty());
    // A model with no steps yet: no ranking, a hint instead.
    session.setModel(bracketCounterModel(), QStringLiteral("test"));
    panel.refreshNow();
    QCOMPARE(panel.shownLayer(), 0);
    QVERIFY(panel.scores().empty());
    QVERIFY(message->text().contains(QStringLiteral("Read some text")));
  }

  void ranksTheCounterFirst() {
    open(bracketCounterModel(), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(find<QComboBox>("discoveryQuantityCombo")->currentData().toInt(), int(Quantity::Cell));
    QCOMPARE(find<QComboBox>("discoveryFeatureCombo")->currentData().toInt(), int(TextFeature::BracketDepth));
    QVERIFY(!find<QLineEdit>("discoveryRegexEdit")->isEnabled());
    QCOMPARE(table()->model()->rowCount(), 4);
    QCOMPARE(cell(0, 0), QStringLiteral("1"));
    QCOMPARE(cell(0, 1), QString::number(kCounter));
    QVERIFY2(cell(0, 2).toDouble() >= 0.99, qPrintable(cell(0, 2)));
    QCOMPARE(m_panel->scores().front().unit, kCounter);
    for (int row = 1; row < 4; ++row)
      QVERIFY(std::abs(cell(row, 2).toDouble()) <= std::abs(cell(row - 1, 2).toDouble()));
    QVERIFY(find<QLabel>("discoverySummary")->text().contains(QStringLiteral("Unit 2 follows bracket depth")));
    QVERIFY(!find<QLabel>("discoveryMessage")->isVisible());
    QCOMPARE(plot()->graph(0)->dataCount(), 4); // one dot per unit
    test::savePng(*m_panel, QStringLiteral("unit_discovery_panel.png"));
  }

  void clickingARowSelectsTheUnit() {
    open(bracketCounterModel(), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    m_session->selectUnit(0, 0);
    const QRect row = table()->visualRect(table()->model()->index(0, 1));
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(m_session->selectedUnit(), kCounter);
    QCOMPARE(m_session->selectedLayer(), 0);
    // The selection shows in the scatter as the highlighted dot.
    m_panel->refreshNow();
    QCOMPARE(plot()->graph(1)->dataCount(), 1);
    QCOMPARE(plot()->graph(1)->data()->at(0)->key, m_panel->saturation()[kCounter].highFraction);
  }

  void clickingADotSelectsTheUnit() {
    open(bracketCounterModel(), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    auto *gate = find<QComboBox>("discoverySaturationGateCombo");
    gate->setCurrentIndex(gate->findData(int(Quantity::OutputGate)));
    m_panel->refreshNow();
    // Unit 1's output gate is always shut: its dot sits at (0, 1), alone.
    QCOMPARE(m_panel->saturation()[kClosed].lowFraction, 1.0);
    QCOMPARE(m_panel->saturation()[kClosed].highFraction, 0.0);
    const QPoint dot(int(plot()->xAxis->coordToPixel(0.0)), int(plot()->yAxis->coordToPixel(1.0)));
    QTest::mouseClick(plot(), Qt::LeftButton, {}, dot);
    QCOMPARE(m_session->selectedUnit(), kClosed);
    // The input gate of the counter is always open: (1, 0).
    gate->setCurrentIndex(gate->findData(int(Quantity::InputGate)));
    m_panel->refreshNow();
    QCOMPARE(m_panel->saturation()[kCounter].highFraction, 1.0);
    QTest::mouseClick(plot(), Qt::LeftButton, {},
                      QPoint(int(plot()->xAxis->coordToPixel(1.0)), int(plot()->yAxis->coordToPixel(0.0))));
    QCOMPARE(m_session->selectedUnit(), kCounter);
  }

  void changingTheFeatureReranks() {
    open(bracketCounterModel(), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    const auto before = m_panel->recomputeCount();
    const double bestDepthR = m_panel->scores().front().correlation;
    chooseFeature(TextFeature::LinePosition); // through the coalesced refresh, as a user would
    QTRY_VERIFY(m_panel->recomputeCount() > before);
    QCOMPARE(table()->model()->rowCount(), 4);
    QVERIFY(m_panel->scores().front().correlation != bestDepthR);
    QCOMPARE(cell(0, 1), QString::number(m_panel->scores().front().unit));
    QVERIFY(find<QLabel>("discoverySummary")->text().contains(QStringLiteral("position in the line")));
    // No quotes in the text: nothing to rank, and the panel says why.
    chooseFeature(TextFeature::InsideQuotes);
    QTRY_COMPARE(table()->model()->rowCount(), 0);
    QVERIFY(find<QLabel>("discoveryMessage")->text().contains(QStringLiteral("does not change")));
    // Ranking h instead of c finds the same counter.
    chooseFeature(TextFeature::BracketDepth);
    auto *quantity = find<QComboBox>("discoveryQuantityCombo");
    quantity->setCurrentIndex(quantity->findData(int(Quantity::Hidden)));
    QTRY_COMPARE(table()->model()->rowCount(), 4);
    QCOMPARE(cell(0, 1), QString::number(kCounter));
  }

  void invalidRegexShowsAMessage() {
    open(bracketCounterModel(), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    auto *edit = find<QLineEdit>("discoveryRegexEdit");
    chooseFeature(TextFeature::Regex);
    QVERIFY(edit->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("a(b"));
    m_panel->refreshNow();
    auto *message = find<QLabel>("discoveryMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(QStringLiteral("invalid regular expression")), qPrintable(message->text()));
    QCOMPARE(table()->model()->rowCount(), 0);
    test::savePng(*m_panel, QStringLiteral("unit_discovery_panel_regex.png"));
    // Fixing the pattern ranks again: characters inside "(a" or "(b" groups.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("\\([ab]"));
    m_panel->refreshNow();
    QVERIFY(!message->isVisible());
    QCOMPARE(table()->model()->rowCount(), 4);
    chooseFeature(TextFeature::Punctuation);
    QVERIFY(!edit->isEnabled());
  }

  void seriesModelShowsOnlySaturation() {
    auto model = std::make_shared<Model>();
    model->config.input = InputKind::Dense;
    model->config.head = HeadKind::Regression;
    model->config.inputSize = 1;
    model->config.outputSize = 1;
    model->config.hiddenSize = 3;
    model->parameters = Parameters<float>(model->config);
    ExplorerSession session;
    session.setModel(model, QStringLiteral("series"));
    UnitDiscoveryPanel panel(&session);
    panel.resize(420, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.refreshNow();
    QVERIFY(child<QLabel>(&panel, "discoveryMessage")->text().contains(QStringLiteral("numbers, not text")));
    QVERIFY(!child<QComboBox>(&panel, "discoveryFeatureCombo")->isVisible());
    QVERIFY(!child<QTableView>(&panel, "discoveryTable")->isVisible());
    QVERIFY(child<QCustomPlot>(&panel, "saturationPlot")->isVisible());
    QVERIFY(panel.scores().empty());
  }

  void hiddenPanelWaitsUntilShown() {
    open(bracketCounterModel(), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    m_panel->hide();
    const auto before = m_panel->recomputeCount();
    QString error;
    QVERIFY(m_session->setText(bracketText() + bracketText(), &error));
    m_session->stepMany(2 * int(bracketText().size()));
    QVERIFY(!m_panel->refreshPending()); // nothing scheduled while hidden
    QCOMPARE(m_panel->recomputeCount(), before);
    m_panel->show();
    QTRY_COMPARE(m_panel->recomputeCount(), before + 1);
    QCOMPARE(m_panel->scores().front().unit, kCounter);
  }

  // The unit a shipped example model's lesson names is the one this panel ranks first on its primer
  // (each primer is held-out text, long enough to decide; tests/core/tst_example_models.cpp checks other text).
  // LSTM_LESSON_MODELS=<dir> adds the models of a directory, to check new examples before they are shipped.
  void shippedLessonsAreFound_data() {
    QTest::addColumn<QString>("path");
    int rows = 0;
    QStringList directories{QStringLiteral(":/models")};
    if (qEnvironmentVariableIsSet("LSTM_LESSON_MODELS"))
      directories.append(qEnvironmentVariable("LSTM_LESSON_MODELS"));
    for (const QString &directory : directories) {
      QDirIterator models(directory, {QStringLiteral("*.lstm")}, QDir::Files, QDirIterator::Subdirectories);
      while (models.hasNext()) {
        const QString path = models.next();
        ExplorerSession session;
        QString error;
        QVERIFY2(session.openModel(path, &error), qPrintable(error));
        const auto lesson = ExampleLesson::of(session.model());
        TextFeature feature;
        if (lesson && lesson->hasUnit() && parseTextFeature(lesson->feature, feature) &&
            feature != TextFeature::Regex) {
          QTest::newRow(qPrintable(path)) << path;
          ++rows;
        }
      }
    }
    if (rows == 0)
      QSKIP("no shipped model has a lesson about a text feature yet");
  }

  void shippedLessonsAreFound() {
    QFETCH(QString, path);
    m_session = std::make_unique<ExplorerSession>();
    QString error;
    QVERIFY2(m_session->openModel(path, &error), qPrintable(error));
    const ExampleLesson lesson = *ExampleLesson::of(m_session->model());
    QVERIFY2(m_session->setText(lesson.primer, &error), qPrintable(error));
    m_session->stepMany(int(lesson.primer.size()));
    m_session->selectLayer(lesson.layer);
    m_panel = std::make_unique<UnitDiscoveryPanel>(m_session.get());
    m_panel->resize(420, 520);
    m_panel->show();
    TextFeature feature = TextFeature::BracketDepth;
    parseTextFeature(lesson.feature, feature);
    chooseFeature(feature);
    auto *quantity = find<QComboBox>("discoveryQuantityCombo");
    quantity->setCurrentIndex(quantity->findData(int(lesson.quantity)));
    QVERIFY(quantity->currentIndex() >= 0);
    m_panel->refreshNow();
    const auto &scores = m_panel->scores();
    QVERIFY(!scores.empty());
    const auto named = std::find_if(scores.begin(), scores.end(), [&](const UnitScore &s) { return s.unit == lesson.unit; });
    QVERIFY2(named == scores.begin(),
             qPrintable(QStringLiteral("the lesson names unit %1 (r = %2, rank %3) but unit %4 ranks first (r = %5)")
                            .arg(lesson.unit)
                            .arg(named->correlation, 0, 'f', 3)
                            .arg(named - scores.begin() + 1)
                            .arg(scores.front().unit)
                            .arg(scores.front().correlation, 0, 'f', 3)));
  }

  void followsTheSelectedLayer() {
    open(test::randomCharModel(QStringLiteral("()ab\n"), 8, 2), bracketText());
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_panel->shownLayer(), 0);
    m_session->selectLayer(1);
    QTRY_COMPARE(m_panel->shownLayer(), 1);
    QCOMPARE(table()->model()->rowCount(), 8);
    QCOMPARE(plot()->graph(0)->dataCount(), 8);
  }
};

QTEST_MAIN(TestUnitDiscoveryPanel)
#include "tst_unit_discovery_panel.moc"
