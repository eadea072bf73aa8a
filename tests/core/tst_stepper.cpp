// The batch-1 stepper: same values as the sequence pass, exact back(), reset/state, and where each
// intervention acts (kCellOrder, core/model/intervention.h).
#include "explore/stepper.h"
#include "model/sequence_pass.h"
#include "test_models.h"

#include <QTest>

#include <memory>

using namespace lstm;

namespace {

std::shared_ptr<Model> makeModel(InputKind input, HeadKind head, int layers, int hidden = 6, std::uint64_t seed = 3) {
  auto model = std::make_shared<Model>();
  model->config = test::smallConfig(input, head, layers, hidden);
  if (model->config.head == HeadKind::Regression && input == InputKind::Dense)
    model->config.outputSize = model->config.inputSize; // predicts the next input, so the trace has a loss
  std::vector<char32_t> symbols;
  for (int k = 0; k < model->config.vocabSize; ++k)
    symbols.push_back(char32_t(U'a' + k));
  model->vocabulary = *Vocabulary::create(symbols);
  model->parameters = test::randomParameters<float>(model->config, seed, 2.0);
  return model;
}

std::vector<std::int32_t> someTokens(int count, int vocab) {
  Rng rng(17);
  std::vector<std::int32_t> tokens;
  for (int k = 0; k < count; ++k)
    tokens.push_back(std::int32_t(rng.below(std::uint64_t(vocab))));
  return tokens;
}

struct Snapshot {
  NetworkState state;
  StepResult result;
};
bool sameBits(const Snapshot &a, const Snapshot &b) {
  if (a.result.step != b.result.step || a.result.token != b.result.token || a.result.output != b.result.output)
    return false;
  for (std::size_t k = 0; k < a.state.size(); ++k) {
    const auto &x = a.result.layers[k], &y = b.result.layers[k];
    if (a.state[k].hidden != b.state[k].hidden || a.state[k].cell != b.state[k].cell || x.gates != y.gates ||
        x.preActivations != y.preActivations || x.cell != y.cell || x.hidden != y.hidden)
      return false;
  }
  return true;
}
Snapshot snapshot(const Stepper &s) { return {s.state(), s.current()}; }

} // namespace

class TestStepper : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void matchesSequencePass_data();
  void matchesSequencePass();
  void backRestoresExactly();
  void resetAndSetState();
  void clampForgetGate();
  void clampKeepsMemory();
  void cellInterventions();
  void zeroHiddenReachesLayerAboveAndHead();
  void interventionsAreRecordedAndRemovable();
  void lossOfPreviousPrediction();
  void unrecordedSteppingIsIdentical();
};

void TestStepper::matchesSequencePass_data() {
  QTest::addColumn<int>("input");
  QTest::addColumn<int>("head");
  QTest::addColumn<int>("layers");
  QTest::newRow("onehot softmax L1") << int(InputKind::OneHot) << int(HeadKind::Softmax) << 1;
  QTest::newRow("embedding softmax L3") << int(InputKind::Embedding) << int(HeadKind::Softmax) << 3;
  QTest::newRow("dense regression L2") << int(InputKind::Dense) << int(HeadKind::Regression) << 2;
}

void TestStepper::matchesSequencePass() {
  QFETCH(int, input);
  QFETCH(int, head);
  QFETCH(int, layers);
  const auto model = makeModel(InputKind(input), HeadKind(head), layers);
  const ModelConfig &c = model->config;
  const int T = 12;
  SequenceWorkspace<float> ws(c, T, 1);
  test::fillRandomWindow(ws, 5, false);
  forwardPass(model->parameters, ws);

  Stepper stepper(model);
  for (int t = 0; t < T; ++t) {
    const StepResult &r = c.usesTokens()
                              ? stepper.step(ws.tokens[std::size_t(t)])
                              : stepper.step(std::span<const float>(ws.denseInput.col(t).data(), std::size_t(c.inputSize)));
    QCOMPARE(r.step, t);
    for (int layer = 0; layer < layers; ++layer) {
      const auto &buf = ws.layers[std::size_t(layer)];
      const LayerStepValues &v = r.layers[std::size_t(layer)];
      QVERIFY((v.gates - buf.gates.col(t)).cwiseAbs().maxCoeff() <= 1e-5f);
      QVERIFY((v.cell - buf.cells.col(t + 1)).cwiseAbs().maxCoeff() <= 1e-5f);
      QVERIFY((v.hidden - buf.hidden.col(t + 1)).cwiseAbs().maxCoeff() <= 1e-5f);
      // The recorded pre-activations are what the activations were computed from.
      const int H = c.hiddenSize;
      QVERIFY((v.preActivations.head(H).array().logistic() - v.gates.head(H).array()).abs().maxCoeff() <= 1e-6f);
      QVERIFY((v.preActivations.segment(2 * H, H).array().tanh() - v.gates.segment(2 * H, H).array()).abs().maxCoeff() <= 1e-6f);
    }
    const auto expected = c.head == HeadKind::Softmax ? ws.probabilities.col(t) : ws.output.col(t);
    QVERIFY((r.output - expected).cwiseAbs().maxCoeff() <= 1e-5f);
  }
  // The trace holds the same values, and earlier outputs can be recomputed from it.
  Vector<float> output;
  stepper.outputAt(3, output);
  const auto expected = c.head == HeadKind::Softmax ? ws.probabilities.col(3) : ws.output.col(3);
  QVERIFY((output - expected).cwiseAbs().maxCoeff() <= 1e-5f);
  QVERIFY(std::fabs(stepper.trace().value(layers - 1, Quantity::Hidden, 7, 2) - ws.layers.back().hidden(2, 8)) <= 1e-5f);
}

void TestStepper::backRestoresExactly() {
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 2);
  const auto tokens = someTokens(10, model->config.vocabSize);
  Stepper stepper(model);
  QVERIFY(!stepper.back()); // nothing to undo
  std::vector<Snapshot> history{snapshot(stepper)};
  for (std::int32_t token : tokens) {
    stepper.step(token);
    history.push_back(snapshot(stepper));
  }
  for (int position = 10; position > 0; --position) {
    QVERIFY(stepper.back());
    QCOMPARE(stepper.position(), position - 1);
    QVERIFY2(sameBits(snapshot(stepper), history[std::size_t(position - 1)]), qPrintable(QString::number(position)));
  }
  // Stepping forward again reproduces every value bit for bit.
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    stepper.step(tokens[t]);
    QVERIFY(sameBits(snapshot(stepper), history[t + 1]));
  }
}

void TestStepper::resetAndSetState() {
  const auto model = makeModel(InputKind::Embedding, HeadKind::Softmax, 2);
  const auto tokens = someTokens(8, model->config.vocabSize);
  Stepper a(model), b(model);
  for (int t = 0; t < 4; ++t)
    a.step(tokens[std::size_t(t)]);
  const NetworkState middle = a.state();
  QVERIFY(b.setState(middle));
  QCOMPARE(b.position(), 0);
  for (int t = 4; t < 8; ++t)
    QVERIFY(a.step(tokens[std::size_t(t)]).output == b.step(tokens[std::size_t(t)]).output);
  // back() to the start of b's trace restores the state it was given.
  while (b.back()) {
  }
  QCOMPARE(b.state()[1].cell, middle[1].cell);

  a.reset();
  QCOMPARE(a.position(), 0);
  QVERIFY(a.state()[0].hidden.isZero() && a.state()[1].cell.isZero());
  Stepper fresh(model);
  QVERIFY(a.step(tokens[0]).output == fresh.step(tokens[0]).output);

  NetworkState wrong = middle;
  wrong.pop_back();
  QVERIFY(!a.setState(wrong));
  wrong = middle;
  wrong[0].cell.resize(2);
  QVERIFY(!a.setState(wrong));
}

void TestStepper::clampForgetGate() {
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 2);
  const int H = model->config.hiddenSize, unit = 2;
  const auto tokens = someTokens(5, model->config.vocabSize);
  Stepper plain(model), clamped(model);
  QVERIFY(clamped.addIntervention(Intervention::clampGate(0, unit, Gate::Forget, 0.0f)));
  for (std::int32_t token : tokens) {
    const LayerStepValues p = plain.step(token).layers[0];
    const LayerStepValues c = clamped.step(token).layers[0];
    QCOMPARE(c.gates(H + unit), 0.0f);
    // f = 0 wipes the memory: c_t = i·g exactly, and h follows from it.
    QCOMPARE(c.cell(unit), c.gates(unit) * c.gates(2 * H + unit));
    QCOMPARE(c.hidden(unit), c.gates(3 * H + unit) * std::tanh(c.cell(unit)));
    // Other units of the layer keep their own forget gate.
    QVERIFY(c.gates(H + unit + 1) > 0.0f);
  }
  // The first step starts from zero state, so only then are the pre-activations equal in both runs.
  Stepper a(model), b(model);
  b.addIntervention(Intervention::clampGate(0, unit, Gate::Forget, 0.0f));
  QCOMPARE(a.step(tokens[0]).layers[0].preActivations, b.step(tokens[0]).layers[0].preActivations);
}

void TestStepper::clampKeepsMemory() {
  // f = 1 and i = 0: the cell neither forgets nor writes, so c stays at the value it was set to.
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 1);
  Stepper stepper(model);
  stepper.addIntervention(Intervention::clampGate(0, 1, Gate::Forget, 1.0f));
  stepper.addIntervention(Intervention::clampGate(0, 1, Gate::Input, 0.0f));
  NetworkState state = stepper.state();
  state[0].cell(1) = 0.75f;
  stepper.setState(state);
  for (std::int32_t token : someTokens(20, model->config.vocabSize))
    QCOMPARE(stepper.step(token).layers[0].cell(1), 0.75f);
}

void TestStepper::cellInterventions() {
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 1);
  const int H = model->config.hiddenSize;
  const auto tokens = someTokens(4, model->config.vocabSize);
  for (InterventionKind kind : {InterventionKind::SetCell, InterventionKind::ZeroCell, InterventionKind::AddCell}) {
    Stepper plain(model), changed(model);
    changed.addIntervention({kind, 0, 3, Gate::Forget, 0.5f});
    float previousCell = 0.0f;
    for (std::int32_t token : tokens) {
      const LayerStepValues p = plain.step(token).layers[0];
      const LayerStepValues v = changed.step(token).layers[0];
      const float natural = v.gates(H + 3) * previousCell + v.gates(3) * v.gates(2 * H + 3);
      const float expected = kind == InterventionKind::SetCell ? 0.5f : kind == InterventionKind::ZeroCell ? 0.0f : natural + 0.5f;
      QCOMPARE(v.cell(3), expected);
      QCOMPARE(v.hidden(3), v.gates(3 * H + 3) * std::tanh(expected)); // h sees the changed c
      previousCell = v.cell(3);                                         // and so does the next step
      Q_UNUSED(p);
    }
  }
}

void TestStepper::zeroHiddenReachesLayerAboveAndHead() {
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 2);
  const auto &params = model->parameters;
  Stepper plain(model), silenced(model);
  silenced.addIntervention(Intervention::zeroHidden(0, 4));
  const std::int32_t token = 1;
  const StepResult p = plain.step(token);
  const StepResult s = silenced.step(token);
  QCOMPARE(s.layers[0].hidden(4), 0.0f);
  QVERIFY(p.layers[0].hidden(4) != 0.0f);
  // Layer 1 read the silenced h at this very step: its pre-activation equals the formula with h(4) = 0.
  const Vector<float> expected = params.weightIh(1) * s.layers[0].hidden + params.biasIh(1) + params.biasHh(1);
  QVERIFY((s.layers[1].preActivations - expected).cwiseAbs().maxCoeff() <= 1e-5f);
  QVERIFY((s.output - p.output).cwiseAbs().maxCoeff() > 1e-6f);

  Stepper top(model);
  top.addIntervention(Intervention::zeroHidden(1, 0));
  QVERIFY((top.step(token).output - p.output).cwiseAbs().maxCoeff() > 1e-6f); // the head sees it too
}

void TestStepper::interventionsAreRecordedAndRemovable() {
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 2);
  Stepper stepper(model);
  QVERIFY(!stepper.addIntervention(Intervention::zeroHidden(2, 0)));          // no layer 2
  QVERIFY(!stepper.addIntervention(Intervention::zeroHidden(0, 6)));          // H = 6
  QVERIFY(!stepper.addIntervention(Intervention::setCell(0, 0, std::nanf("")))); // not a number
  QVERIFY(stepper.interventions().empty());
  stepper.step(0);
  const Intervention clamp = Intervention::clampGate(1, 2, Gate::Output, 0.0f);
  QVERIFY(stepper.addIntervention(clamp));
  stepper.step(1);
  QCOMPARE(stepper.current().layers[1].hidden(2), 0.0f);
  stepper.removeIntervention(0);
  stepper.step(2);
  const Trace &trace = stepper.trace();
  QCOMPARE(trace.interventions(0).size(), std::size_t(0));
  QCOMPARE(trace.interventions(1).size(), std::size_t(1));
  QVERIFY(trace.interventions(1)[0] == clamp);
  QCOMPARE(trace.interventions(2).size(), std::size_t(0));
  QVERIFY(trace.value(1, Quantity::OutputGate, 2, 2) != 0.0f);
  QCOMPARE(QString::fromStdString(clamp.describe()), QStringLiteral("layer 1, unit 2: o clamped to 0"));
}

void TestStepper::lossOfPreviousPrediction() {
  const auto model = makeModel(InputKind::OneHot, HeadKind::Softmax, 1);
  Stepper stepper(model);
  const Vector<float> first = stepper.step(2).output;
  QVERIFY(std::isnan(stepper.trace().loss(0)));
  stepper.step(4);
  QCOMPARE(stepper.trace().loss(0), -std::log(first(4)));
  stepper.back();
  QVERIFY(std::isnan(stepper.trace().loss(0))); // the prediction is open again

  const auto series = makeModel(InputKind::Dense, HeadKind::Regression, 1);
  Stepper forecaster(series);
  const float x0[] = {1, 2, 3, 4}, x1[] = {0.5f, -1, 0, 2};
  const Vector<float> prediction = forecaster.step(x0).output;
  forecaster.step(x1);
  const float mse = (prediction - ConstVectorMap<float>(x1, 4)).squaredNorm() / 4;
  QVERIFY(std::fabs(forecaster.trace().loss(0) - mse) <= 1e-6f);
}

void TestStepper::unrecordedSteppingIsIdentical() {
  const auto model = makeModel(InputKind::Embedding, HeadKind::Softmax, 2);
  const auto tokens = someTokens(30, model->config.vocabSize);
  Stepper recorded(model), unrecorded(model);
  for (int t = 0; t < 10; ++t) {
    recorded.step(tokens[std::size_t(t)]);
    unrecorded.step(tokens[std::size_t(t)]);
  }
  unrecorded.setRecording(false);
  QVERIFY(!unrecorded.recording());
  QCOMPARE(unrecorded.trace().steps(), 0);
  QVERIFY(unrecorded.current().output == recorded.current().output); // the last result stays readable
  for (int t = 10; t < 30; ++t)
    QVERIFY(recorded.step(tokens[std::size_t(t)]).output == unrecorded.step(tokens[std::size_t(t)]).output);
  QCOMPARE(unrecorded.trace().steps(), 0);
  QVERIFY(!unrecorded.back());
  QVERIFY(unrecorded.state()[1].cell == recorded.state()[1].cell);
  unrecorded.setRecording(true); // a new trace starts from the current state
  unrecorded.step(tokens[0]);
  QCOMPARE(unrecorded.trace().steps(), 1);
  QVERIFY(unrecorded.trace().initialCell(1)[0] == recorded.state()[1].cell(0));
}

QTEST_GUILESS_MAIN(TestStepper)
#include "tst_stepper.moc"
