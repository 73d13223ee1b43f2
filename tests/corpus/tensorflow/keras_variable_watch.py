# gradrepl-corpus: target=model.layers[0].kernel cause=keras_variable_watch line=11 symptom=error
import keras
import tensorflow as tf

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])
x = tf.random.normal((5, 3))
first_kernel = model.layers[0].kernel

# only the first layer's kernel is needed, so watch just that
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(first_kernel)
    y = tf.reduce_sum(model(x))
g = tape.gradient(y, first_kernel)
