// The gradient-flow view ("why not a plain RNN"): its plotted LSTM values against finite differences
// computed here from the model's own weights (a forward of our own, in double, from step 0), the comparison RNN
// trained off the GUI thread, and the behaviour with no model, no steps and a moving cursor.
#include "data/generators.h"
#include "explorer/explorer_session.h"
#include "explorer/gradient_flow_view.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <cmath>

using namespace lstm;

namespace {

// loss_t of a one-hot softmax LSTM after reading tokens[0..t] from a zero state, with `delta` (H) added to
// c (cell) or h of `layer` right after step `probeStep` computes it. Written from PyTorch's equations, not from
// the engine's code.
double probedLoss(const Model &model, const std::vector<std::int32_t> &tokens, int t, std::int32_t target,
                  int probeStep, int probeLayer, bool cell, const Vector<double> &delta) {
  const Parameters<double> p = model.parameters.cast<double>();
  const int H = model.config.hiddenSize, L = model.config.numLayers;
  std::vector<Vector<double>> h(std::size_t(L), Vector<double>::Zero(H)), c = h;
  const auto sigmoid = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
  for (int s = 0; s <= t; ++s)
    for (int l = 0; l < L; ++l) {
      Vector<double> x = l == 0 ? Vector<double>(p.weightIh(0).col(tokens[std::size_t(s)]))
                                : Vector<double>(p.weightIh(l) * h[std::size_t(l - 1)]);
      const Vector<double> a = x + p.biasIh(l) + p.biasHh(l) + p.weightHh(l) * h[std::size_t(l)];
      for (int u = 0; u < H; ++u) {
        const double i = sigmoid(a(u)), f = sigmoid(a(H + u)), g = std::tanh(a(2 * H + u)), o = sigmoid(a(3 * H + u));
        c[std::size_t(l)](u) = f * c[std::size_t(l)](u) + i * g;
        if (s == probeStep && l == probeLayer && cell)
          c[std::size_t(l)](u) += delta(u);
        h[std::size_t(l)](u) = o * std::tanh(c[std::size_t(l)](u));
        if (s == probeStep && l == probeLayer && !cell)
          h[std::size_t(l)](u) += delta(u);
      }
    }
  const Vector<double> z = p.headWeight() * h.back() + p.headBias();
  return std::log((z.array() - z.maxCoeff()).exp().sum()) + z.maxCoeff() - z(target);
}

// ‖∂loss_t/∂state_{t−k}‖ by central differences, unit by unit.
double numericNorm(const Model &model, const std::vector<std::int32_t> &tokens, int t, int k, int layer, bool cell) {
  const int H = model.config.hiddenSize;
  const double step = 1e-4;
  Vector<double> gradient(H);
  for (int u = 0; u < H; ++u) {
    Vector<double> delta = Vector<double>::Zero(H);
    delta(u) = step;
    const double up = probedLoss(model, tokens, t, tokens[std::size_t(t + 1)], t - k, layer, cell, delta);
    const double down = probedLoss(model, tokens, t, tokens[std::size_t(t + 1)], t - k, layer, cell, -delta);
    gradient(u) = (up - down) / (2 * step);
  }
  return gradient.norm();
}

} // namespace

class TestGradientFlowView : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void behavesWithoutModelOrSteps();
  void matchesFiniteDifferences_data();
  void matchesFiniteDifferences();
  void followsTheCursor();
  void trainRnnGivesAFiniteCurve();
  void destructionCancelsTraining();
  void parensExample();
};

void TestGradientFlowView::behavesWithoutModelOrSteps() {
  ExplorerSession session;
  GradientFlowView view(&session);
  view.show();
  QCOMPARE(view.objectName(), QStringLiteral("gradientFlowView"));
  view.refreshNow();
  QVERIFY(view.cellFlow().empty() && view.hiddenFlow().empty() && view.rnnHiddenFlow().empty());
  QVERIFY(!test::child<QPushButton>(&view, "trainRnnButton")->isEnabled());
  QVERIFY(!view.trainRnn());
  // A language switch re-sets the texts.
  auto *button = test::child<QPushButton>(&view, "trainRnnButton");
  button->setText(QStringLiteral("x"));
  QEvent languageChange(QEvent::LanguageChange);
  QCoreApplication::sendEvent(&view, &languageChange);
  QCOMPARE(button->text(), QStringLiteral("Train RNN"));
  session.setModel(test::randomCharModel(QStringLiteral("()\n"), 4), QStringLiteral("test"));
  view.refreshNow();
  QCOMPARE(session.cursor(), -1);
  QVERIFY(view.cellFlow().empty());
  QString error;
  QVERIFY(session.setText(QStringLiteral("(()"), &error));
  QCOMPARE(session.stepMany(3), 3);
  view.refreshNow(); // the last step of the text has no next character: nothing to score
  QVERIFY(view.cellFlow().empty());
  session.setCursor(1);
  view.refreshNow();
  QCOMPARE(int(view.cellFlow().size()), 2);
  QString exportError;
  QVERIFY2(view.exportImage(QDir::temp().filePath(QStringLiteral("gradient_flow_test.png")), &exportError),
           qPrintable(exportError));
}

void TestGradientFlowView::matchesFiniteDifferences_data() {
  QTest::addColumn<int>("layers");
  QTest::addColumn<int>("layer");
  QTest::newRow("1 layer") << 1 << 0;
  QTest::newRow("2 layers, top") << 2 << 1;
  QTest::newRow("2 layers, bottom") << 2 << 0;
}

void TestGradientFlowView::matchesFiniteDifferences() {
  QFETCH(int, layers);
  QFETCH(int, layer);
  const auto model = test::randomCharModel(QStringLiteral("()ab\n"), 6, layers, 3, 2.0);
  ExplorerSession session;
  session.setModel(model, QStringLiteral("test"));
  GradientFlowView view(&session);
  view.show();
  QString error;
  const QString text = QStringLiteral("(a(b)(()a)b)\n((a)b)(\n");
  QVERIFY(session.setText(text, &error));
  QCOMPARE(session.stepMany(text.size()), int(text.size()));
  session.selectLayer(layer);
  const int t = 17, K = 12;
  session.setCursor(t);
  test::child<QSpinBox>(&view, "flowStepsSpin")->setValue(K);
  view.refreshNow();
  QCOMPARE(int(view.cellFlow().size()), K + 1);
  QCOMPARE(int(view.hiddenFlow().size()), K + 1);
  std::vector<std::int32_t> tokens;
  for (int i = 0; i < session.tapeLength(); ++i)
    tokens.push_back(session.tapeToken(i));
  for (int k = 0; k <= K; ++k)
    for (bool cell : {true, false}) {
      const double numeric = numericNorm(*model, tokens, t, k, layer, cell);
      const double shown = (cell ? view.cellFlow() : view.hiddenFlow())[std::size_t(k)];
      // The view starts from the float trace, this from a zero state in double: agreement to float precision.
      QVERIFY2(std::fabs(shown - numeric) <= 1e-4 * std::max(numeric, 1e-6),
               qPrintable(QStringLiteral("k %1 %2: shown %3, finite differences %4")
                              .arg(k).arg(cell ? QStringLiteral("c") : QStringLiteral("h")).arg(shown).arg(numeric)));
    }
  QVERIFY(view.cellFlow()[0] > 1e-3);
}

void TestGradientFlowView::followsTheCursor() {
  ExplorerSession session;
  session.setModel(test::randomCharModel(test::kTestAlphabet, 8), QStringLiteral("test"));
  GradientFlowView view(&session);
  view.show();
  QString error;
  QVERIFY(session.setText(test::makeText(80), &error));
  QCOMPARE(session.stepMany(60), 60);
  session.setCursor(30);
  view.refreshNow();
  QCOMPARE(int(view.cellFlow().size()), 31); // K = 50 reaches step 0
  const std::vector<double> before = view.cellFlow();
  session.setCursor(10);
  QTRY_COMPARE(int(view.cellFlow().size()), 11);
  QVERIFY(view.cellFlow()[0] != before[0]);
  test::child<QSpinBox>(&view, "flowStepsSpin")->setValue(4);
  QTRY_COMPARE(int(view.hiddenFlow().size()), 5);
  // The last step read: its next character is on the tape though not read yet.
  const std::vector<double> atTen = view.cellFlow();
  session.setCursor(59);
  QTRY_VERIFY(view.cellFlow().size() == 5 && view.cellFlow() != atTen);
  QVERIFY(std::isfinite(view.loss()));
}

void TestGradientFlowView::trainRnnGivesAFiniteCurve() {
  ExplorerSession session;
  session.setModel(test::randomCharModel(QStringLiteral("()\n"), 8), QStringLiteral("test"));
  GradientFlowView view(&session);
  view.show();
  QString error;
  QVERIFY(session.setText(QString::fromStdU32String(generateBrackets(parenthesesOptions(), 3)).left(400), &error));
  QCOMPARE(session.stepMany(100), 100);
  session.setCursor(60);
  view.setMaxStepsBack(30);
  view.refreshNow();
  QVERIFY(view.rnnHiddenFlow().empty());
  auto *button = test::child<QPushButton>(&view, "trainRnnButton");
  QVERIFY(button->isEnabled());
  QSignalSpy finished(&view, &GradientFlowView::rnnTrainingFinished);
  QTest::mouseClick(button, Qt::LeftButton);
  QVERIFY(view.rnnTraining());
  QVERIFY(!button->isEnabled());
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  QVERIFY(view.rnnTrained() && !view.rnnTraining());
  QTRY_COMPARE(int(view.rnnHiddenFlow().size()), 31);
  for (double value : view.rnnHiddenFlow())
    QVERIFY(std::isfinite(value) && value >= 0.0);
  QVERIFY(view.rnnHiddenFlow()[0] > 0.0);
  QVERIFY(button->isEnabled());
  // The RNN curve follows the cursor too.
  session.setCursor(20);
  QTRY_COMPARE(int(view.rnnHiddenFlow().size()), 21);
}

void TestGradientFlowView::destructionCancelsTraining() {
  ExplorerSession session;
  session.setModel(test::randomCharModel(test::kTestAlphabet, 16), QStringLiteral("test"));
  QString error;
  QVERIFY(session.setText(test::makeText(3000), &error));
  QElapsedTimer timer;
  {
    GradientFlowView view(&session);
    QVERIFY(view.trainRnn());
    QVERIFY(!view.trainRnn()); // one run at a time
    timer.start();
  }
  QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
  QCoreApplication::processEvents(); // queued calls for the deleted view are dropped
}

void TestGradientFlowView::parensExample() {
  ExplorerSession session;
  QString error;
  QVERIFY2(session.openModel(QStringLiteral(":/models/examples/01-parens.lstm"), &error), qPrintable(error));
  GradientFlowView view(&session);
  view.resize(760, 420);
  view.show();
  BracketOptions options = parenthesesOptions();
  options.examples = 40;
  QVERIFY(session.setText(QString::fromStdU32String(generateBrackets(options, 77)).left(500), &error));
  QCOMPARE(session.stepMany(400), 400);
  session.setCursor(380);
  for (int K : {50, 200}) {
    view.setMaxStepsBack(K);
    QElapsedTimer timer;
    timer.start();
    view.refreshNow();
    qInfo("H %d, L %d: LSTM flow over K = %d steps in %.1f ms (refresh and replot)", session.units(), session.layers(),
          K, double(timer.nsecsElapsed()) / 1e6);
    QCOMPARE(int(view.cellFlow().size()), K + 1);
  }
  view.setMaxStepsBack(60);
  QSignalSpy finished(&view, &GradientFlowView::rnnTrainingFinished);
  QElapsedTimer timer;
  timer.start();
  QVERIFY(view.trainRnn());
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  qInfo("RNN trained in %.1f s", double(timer.elapsed()) / 1000);
  view.refreshNow();
  const auto &cell = view.cellFlow();
  const auto &rnn = view.rnnHiddenFlow();
  QCOMPARE(int(rnn.size()), 61);
  qInfo("LSTM c: k=0 %.3g, k=20 %.3g, k=60 %.3g; RNN h: k=0 %.3g, k=20 %.3g, k=60 %.3g", cell[0], cell[20], cell[60],
        rnn[0], rnn[20], rnn[60]);
  test::savePng(view, QStringLiteral("gradient_flow.png"));
}

QTEST_MAIN(TestGradientFlowView)
#include "tst_gradient_flow_view.moc"
