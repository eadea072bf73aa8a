#pragma once
// THE LSTM cell step, batch 1: one step of one layer with every intermediate a view needs, the interventions applied
// where kCellOrder (intervention.h) puts them, and the matching one-step backward. The Stepper, the gradient-flow
// analysis and the explorer's cell diagram and equations all call it; the batched sequence pass shares its
// element-wise helpers (gate_math.h). Instantiated for float (stepping) and double (analysis, views, checks).
//
// Shapes: U units of the step (H for a whole layer; a view may pass the four rows u, H+u, 2H+u, 3H+u of one unit,
// U = 1), X input width, H width of h_{t−1}. Reentrant; allocates only to size outputs that are not yet sized.
#include "intervention.h"
#include "parameters.h"

#include <span>
#include <type_traits>

namespace lstm {

// A read-only (n) vector argument; only the weights decide Scalar, so a Vector<float> or a matrix column binds.
template <typename Scalar>
using CellVectorRef = std::type_identity_t<Eigen::Ref<const Vector<Scalar>>>;

template <typename Scalar>
struct LstmCellWeights {
  ConstMatrixMap<Scalar> inputWeights;     // W_ih (4U, X)
  ConstMatrixMap<Scalar> recurrentWeights; // W_hh (4U, H)
  ConstVectorMap<Scalar> bias;             // (4U) b_ih + b_hh
};

// Layer `layer` of `params`; biasSum (4H) = b_ih + b_hh of that layer, kept alive by the caller.
template <typename Scalar>
LstmCellWeights<Scalar> layerCellWeights(const Parameters<Scalar> &params, int layer, const Vector<Scalar> &biasSum) {
  return {params.weightIh(layer), params.weightHh(layer), ConstVectorMap<Scalar>(biasSum.data(), biasSum.size())};
}

// x_t: a one-hot column of W_ih (token ≥ 0), or X values.
template <typename Scalar>
struct LstmCellInput {
  std::int32_t oneHotColumn = -1;
  std::span<const Scalar> values; // (X) when oneHotColumn < 0
};

// The interventions the step applies and the order it applies them in.
struct CellInterventions {
  std::span<const Intervention> active; // of every layer; only those of `layer` act
  int layer = 0;
  CellOrder order = kCellOrder; // precondition: isValidCellOrder(order)
};

// Every intermediate of one step.
template <typename Scalar>
struct LstmCellValues {
  Vector<Scalar> inputPart;      // (4U) W_ih·x_t        } only with keepParts; then a = inputPart + recurrentPart + b
  Vector<Scalar> recurrentPart;  // (4U) W_hh·h_{t−1}    }
  Vector<Scalar> preActivations; // (4U) a
  Vector<Scalar> activations;    // (4U) σ/tanh(a), before any clamp
  Vector<Scalar> gates;          // (4U) i, f, g, o as the step used them (clamps applied)
  Vector<Scalar> cellComputed;   // (U) f ⊙ c_{t−1} + i ⊙ g, before the c_t interventions
  Vector<Scalar> cell;           // (U) c_t after them: what h_t reads, what is recorded and carried on
  Vector<Scalar> tanhCell;       // (U) tanh(c_t)
  Vector<Scalar> hiddenComputed; // (U) o ⊙ tanh(c_t), before ZeroHidden
  Vector<Scalar> hidden;         // (U) h_t

  // Sizes every vector for U units, zeroed, so that a forward allocates nothing.
  void setZero(Eigen::Index U, bool keepParts = false) {
    for (Vector<Scalar> *v : {&preActivations, &activations, &gates})
      v->setZero(4 * U);
    for (Vector<Scalar> *v : {&inputPart, &recurrentPart})
      v->setZero(keepParts ? 4 * U : 0);
    for (Vector<Scalar> *v : {&cellComputed, &cell, &tanhCell, &hiddenComputed, &hidden})
      v->setZero(U);
  }
};

// A perturbation added to c_t right before h_t reads it (after the c_t interventions) and to h_t at the end: the
// variables whose gradients lstmCellBackward returns as dCell and takes as dHidden. Empty vectors add nothing.
template <typename Scalar>
struct LstmCellPerturbation {
  Vector<Scalar> cell;   // (U) or empty
  Vector<Scalar> hidden; // (U) or empty
};

// One step forward. a = (b + W_ih·x) + W_hh·h_{t−1}, accumulated in that order (the Stepper's float results depend on
// it), or with keepParts the two products kept apart and summed as (W_ih·x + W_hh·h_{t−1}) + b. Then the stages of
// interventions.order. hiddenPrev (H), cellPrev (U).
template <typename Scalar>
void lstmCellForward(const LstmCellWeights<Scalar> &weights, const LstmCellInput<Scalar> &input,
                     const CellVectorRef<Scalar> &hiddenPrev,
                     const CellVectorRef<Scalar> &cellPrev, const CellInterventions &interventions,
                     LstmCellValues<Scalar> &out, bool keepParts = false,
                     const LstmCellPerturbation<Scalar> *perturbation = nullptr);

template <typename Scalar>
struct LstmCellGradients {
  Vector<Scalar> hidden;         // (U) the part of dHidden that reaches o and c_t (zeroed units stop it)
  Vector<Scalar> cell;           // (U) ∂loss/∂c_t in total, through h_t and the next step: the gradient of
                                 //     LstmCellPerturbation::cell
  Vector<Scalar> cellComputed;   // (U) ∂loss/∂(f ⊙ c_{t−1} + i ⊙ g): `cell` where c_t was not set or zeroed, else 0
  Vector<Scalar> preActivations; // (4U) dA = ∂loss/∂a, also ∂loss/∂b_ih and ∂loss/∂b_hh
  Vector<Scalar> cellPrev;       // (U) ∂loss/∂c_{t−1} through this step
  Vector<Scalar> hiddenPrev;     // (H) ∂loss/∂h_{t−1} through this step = W_hhᵀ·dA
  Vector<Scalar> input;          // (X) ∂loss/∂x_t = W_ihᵀ·dA, only with inputGradient
};

// One step backward, walking interventions.order in reverse. dHidden (U) = ∂loss/∂h_t in total (the layer above, the
// head, the next step); dCellNext (U) = ∂loss/∂c_t from the next step. Clamped gates, set or zeroed c_t and zeroed
// h_t are constants. values and cellPrev are those of the forward.
template <typename Scalar>
void lstmCellBackward(const LstmCellWeights<Scalar> &weights, const LstmCellValues<Scalar> &values,
                      const CellVectorRef<Scalar> &cellPrev,
                      const CellVectorRef<Scalar> &dHidden,
                      const CellVectorRef<Scalar> &dCellNext, const CellInterventions &interventions,
                      LstmCellGradients<Scalar> &out, bool inputGradient = false);

extern template void lstmCellForward(const LstmCellWeights<float> &, const LstmCellInput<float> &,
                                     const CellVectorRef<float> &, const CellVectorRef<float> &,
                                     const CellInterventions &, LstmCellValues<float> &, bool,
                                     const LstmCellPerturbation<float> *);
extern template void lstmCellForward(const LstmCellWeights<double> &, const LstmCellInput<double> &,
                                     const CellVectorRef<double> &, const CellVectorRef<double> &,
                                     const CellInterventions &, LstmCellValues<double> &, bool,
                                     const LstmCellPerturbation<double> *);
extern template void lstmCellBackward(const LstmCellWeights<float> &, const LstmCellValues<float> &,
                                      const CellVectorRef<float> &, const CellVectorRef<float> &,
                                      const CellVectorRef<float> &, const CellInterventions &,
                                      LstmCellGradients<float> &, bool);
extern template void lstmCellBackward(const LstmCellWeights<double> &, const LstmCellValues<double> &,
                                      const CellVectorRef<double> &, const CellVectorRef<double> &,
                                      const CellVectorRef<double> &, const CellInterventions &,
                                      LstmCellGradients<double> &, bool);

} // namespace lstm
