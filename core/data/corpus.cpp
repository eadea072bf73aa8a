#include "corpus.h"
