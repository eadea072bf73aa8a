// ‖∂loss_t/∂c_{t−k}‖ and ‖∂loss_t/∂h_{t−k}‖ of the gradient-flow view against finite differences in
// double — perturbing the state inside the forward pass — and the window it reads from a Stepper's trace.
#include "explore/gradient_flow.h"
#include "explore/stepper.h"
#include "test_models.h"

#include <QTest>

#include <cmath>

using namespace lstm;

namespace {

template <typename F>
double derivative(const F &f, double h = 2e-3) {
  return (f(3 * h) - 9 * f(2 * h) + 45 * f(h) - 45 * f(-h) + 9 * f(-2 * h) - f(-3 * h)) / (60 * h);
}

FlowWindow randomWindow(const ModelConfig &config, int T, std::uint64_t seed) {
  Rng rng(seed);
  FlowWindow window;
  window.lastStep = T - 1;
  if (config.usesTokens())
    for (int s = 0; s < T; ++s)
      window.tokens.push_back(std::int32_t(rng.below(std::uint64_t(config.vocabSize))));
  else
    window.denseInput = Matrix<double>::NullaryExpr(config.inputSize, T, [&] { return rng.normal(); });
  for (int l = 0; l < config.numLayers; ++l) {
    window.initialHidden.push_back(Vector<double>::NullaryExpr(config.hiddenSize, [&] { return rng.uniform(-0.9, 0.9); }));
    window.initialCell.push_back(Vector<double>::NullaryExpr(config.hiddenSize, [&] { return rng.uniform(-2.0, 2.0); }));
  }
  if (config.head == HeadKind::Softmax)
    window.targetToken = std::int32_t(rng.below(std::uint64_t(config.vocabSize)));
  else
    window.targetValue = Vector<double>::NullaryExpr(config.outputSize, [&] { return rng.normal(); });
  return window;
}

} // namespace

class TestGradientFlow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void matchesFiniteDifferences_data();
  void matchesFiniteDifferences();
  void windowFromTraceReproducesTheTrace();
  void unavailableWithoutTarget();
};

void TestGradientFlow::matchesFiniteDifferences_data() {
  QTest::addColumn<int>("input");
  QTest::addColumn<int>("head");
  QTest::addColumn<int>("layers");
  QTest::addColumn<bool>("interventions");
  QTest::newRow("onehot L1") << int(InputKind::OneHot) << int(HeadKind::Softmax) << 1 << false;
  QTest::newRow("onehot L2") << int(InputKind::OneHot) << int(HeadKind::Softmax) << 2 << false;
  QTest::newRow("embedding L1") << int(InputKind::Embedding) << int(HeadKind::Softmax) << 1 << false;
  QTest::newRow("embedding L2") << int(InputKind::Embedding) << int(HeadKind::Softmax) << 2 << false;
  QTest::newRow("onehot L2 interventions") << int(InputKind::OneHot) << int(HeadKind::Softmax) << 2 << true;
  QTest::newRow("dense regression L2") << int(InputKind::Dense) << int(HeadKind::Regression) << 2 << false;
}

void TestGradientFlow::matchesFiniteDifferences() {
  QFETCH(int, input);
  QFETCH(int, head);
  QFETCH(int, layers);
  QFETCH(bool, interventions);
  ModelConfig config = test::smallConfig(InputKind(input), HeadKind(head), layers);
  config.outputSize = config.inputSize;
  QVERIFY(config.validate().empty());
  const Parameters<double> params = test::randomParameters<double>(config, 7, 3.0);
  const int T = 7, H = config.hiddenSize;
  FlowWindow window = randomWindow(config, T, 21);
  if (interventions) {
    // Every kind, switched on and off along the window, in both layers.
    window.interventions.resize(T);
    window.interventions[1] = {Intervention::clampGate(0, 1, Gate::Forget, 1.0f), Intervention::setCell(1, 2, 0.5f)};
    window.interventions[2] = {Intervention::clampGate(0, 1, Gate::Forget, 1.0f), Intervention::zeroHidden(0, 3)};
    window.interventions[4] = {Intervention::zeroCell(1, 0), Intervention::addCell(0, 2, 0.7f),
                               Intervention::clampGate(1, 3, Gate::Output, 0.2f)};
  }
  const GradientFlowResult flow = lstmGradientFlow(params, window);
  QVERIFY(std::fabs(flow.loss - lstmWindowLoss(params, window)) <= 1e-12 * std::max(1.0, flow.loss));
  QCOMPARE(int(flow.cell.size()), layers);
  double worst = 0.0;
  for (int l = 0; l < layers; ++l) {
    QCOMPARE(int(flow.cell[std::size_t(l)].size()), T);
    QCOMPARE(int(flow.hidden[std::size_t(l)].size()), T);
    for (int k = 0; k < T; ++k)
      for (bool cell : {true, false}) {
        Vector<double> numeric(H);
        for (int unit = 0; unit < H; ++unit)
          numeric(unit) = derivative([&](double d) {
            StateDelta delta{T - 1 - k, l, cell, Vector<double>::Zero(H)};
            delta.delta(unit) = d;
            return lstmWindowLoss(params, window, &delta);
          });
        const double analytic = (cell ? flow.cell : flow.hidden)[std::size_t(l)][std::size_t(k)];
        const double error = std::fabs(analytic - numeric.norm()) / std::max({analytic, numeric.norm(), 1e-6});
        worst = std::max(worst, error);
        QVERIFY2(error <= 1e-6, qPrintable(QStringLiteral("layer %1 k %2 %3: %4 vs %5")
                                               .arg(l).arg(k).arg(cell ? QStringLiteral("c") : QStringLiteral("h"))
                                               .arg(analytic).arg(numeric.norm())));
      }
  }
  qInfo("loss %.6f, max relative error %.3g", flow.loss, worst);
  QVERIFY(flow.cell.back()[0] > 1e-3 && flow.hidden.back()[0] > 1e-3);
}

void TestGradientFlow::windowFromTraceReproducesTheTrace() {
  const ModelConfig config = test::smallConfig(InputKind::Embedding, HeadKind::Softmax, 2);
  auto model = std::make_shared<Model>();
  model->config = config;
  model->parameters = test::randomParameters<float>(config, 3, 3.0);
  std::vector<char32_t> symbols{U'a', U'b', U'c', U'd', U'e'};
  model->vocabulary = *Vocabulary::create(symbols);
  Stepper stepper(model);
  Rng rng(5);
  for (int s = 0; s < 30; ++s) {
    if (s == 10)
      QVERIFY(stepper.addIntervention(Intervention::clampGate(0, 1, Gate::Forget, 1.0f)));
    if (s == 20)
      QVERIFY(stepper.addIntervention(Intervention::zeroHidden(1, 2)));
    stepper.step(std::int32_t(rng.below(5)));
  }
  const Trace &trace = stepper.trace();
  const Parameters<double> params = model->parameters.cast<double>();
  for (int t : {0, 5, 15, 28})
    for (int K : {0, 3, 100}) {
      std::string problem;
      const auto window = flowWindowFromTrace(config, trace, t, K, -1, {}, &problem);
      QVERIFY2(window, problem.c_str());
      QCOMPARE(window->steps(), std::min(K, t) + 1);
      QCOMPARE(window->targetToken, trace.token(t + 1));
      // The recomputed window reaches the same loss as the float stepper (interventions included).
      const double loss = lstmWindowLoss(params, *window);
      QVERIFY2(std::fabs(loss - double(trace.loss(t))) <= 1e-5 * std::max(1.0, loss),
               qPrintable(QStringLiteral("t %1 K %2: %3 vs %4").arg(t).arg(K).arg(loss).arg(trace.loss(t))));
    }
}

void TestGradientFlow::unavailableWithoutTarget() {
  const ModelConfig config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 1);
  auto model = std::make_shared<Model>();
  model->config = config;
  model->parameters = test::randomParameters<float>(config, 3);
  model->vocabulary = *Vocabulary::create({U'a', U'b', U'c', U'd', U'e'});
  Stepper stepper(model);
  for (std::int32_t token : {0, 1, 2})
    stepper.step(token);
  std::string problem;
  QVERIFY(!flowWindowFromTrace(config, stepper.trace(), 2, 10, -1, {}, &problem));
  QVERIFY(!problem.empty());
  QVERIFY(!flowWindowFromTrace(config, stepper.trace(), 3, 10, 1));  // outside the trace
  QVERIFY(!flowWindowFromTrace(config, stepper.trace(), -1, 10, 1)); // cursor −1
  const auto window = flowWindowFromTrace(config, stepper.trace(), 2, 10, 4); // the caller knows the next token
  QVERIFY(window);
  QCOMPARE(window->targetToken, 4);
  QCOMPARE(window->steps(), 3);
}

QTEST_GUILESS_MAIN(TestGradientFlow)
#include "tst_gradient_flow.moc"
