# gradrepl-corpus: target=model cause=untrainable_variable line=10 symptom=grad_none
import numpy as np
import keras

model = keras.Sequential([
    keras.Input((5,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1),
])
model.trainable = False
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
x = np.random.rand(32, 5).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
