#pragma once
// Settings sized to a corpus, the way char-rnn's advice goes: a model's recurrent weights about as many as (at most
// twice) the training characters, and no wider than its vocabulary needs — a 3-symbol bracket text gets a small
// one-layer model whatever its length, a megabyte of English or Chinese a two-layer one. Series corpora get a
// small forecaster. Pure arithmetic on the corpus's sizes; any thread.
#include "data/corpus.h"
#include "trainer_config.h"

#include <cstdint>

namespace lstm {

// Recurrent weights of `layers` LSTM layers of `hidden` units reading `input` values per step: 4H(X + H + 1) for
// the first layer, 4H(2H + 1) for each further one (the embedding and the output layer are not counted).
std::int64_t recurrentWeights(int input, int hidden, int layers);

// The widest hidden layer worth suggesting for a vocabulary of `vocabulary` symbols (32 … 512, a power of two).
int hiddenLimitForVocabulary(std::int64_t vocabulary);

// `base` with the model's shape, windows, learning rate, iterations (about 20 epochs) and evaluation interval
// suggested for `corpus`; optimiser kind, clipping, seed and threads stay as in `base`. The result validates on
// the corpus unless the corpus is too short to train at all.
TrainerConfig suggestedConfig(const Corpus &corpus, TrainerConfig base);

} // namespace lstm
